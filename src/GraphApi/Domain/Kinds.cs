namespace GraphApi.Domain;

// The allowed values of the string-typed kind fields. Errors list them, so they are the documentation too.

public static class ActorKinds
{
    public const string Administration = "administration", Jobcenter = "jobcenter", EmploymentAgency = "employmentAgency",
        Municipality = "municipality", WelfareAssociation = "welfareAssociation", MigrantOrganisation = "migrantOrganisation",
        EducationProvider = "educationProvider", Chamber = "chamber", Counselling = "counselling", Politics = "politics",
        Volunteering = "volunteering", State = "state", Research = "research", Other = "other";

    public static readonly IReadOnlyList<string> All =
    [
        Administration, Jobcenter, EmploymentAgency, Municipality, WelfareAssociation, MigrantOrganisation,
        EducationProvider, Chamber, Counselling, Politics, Volunteering, State, Research, Other,
    ];
}

public static class BodyKinds
{
    public const string SteeringGroup = "steeringGroup", CoordinationStaff = "coordinationStaff", Network = "network",
        WorkingGroup = "workingGroup", Commission = "commission", PoliticalCommittee = "politicalCommittee",
        Conference = "conference", Other = "other";

    public static readonly IReadOnlyList<string> All =
        [SteeringGroup, CoordinationStaff, Network, WorkingGroup, Commission, PoliticalCommittee, Conference, Other];
}

public static class BodyStatuses
{
    public const string Active = "active", Dormant = "dormant", Dissolved = "dissolved";
    public static readonly IReadOnlyList<string> All = [Active, Dormant, Dissolved];
}

public static class TerritoryKinds
{
    public const string District = "district", City = "city", Municipality = "municipality", Other = "other";
    public static readonly IReadOnlyList<string> All = [District, City, Municipality, Other];
}

public static class MembershipRoles
{
    public const string Chair = "chair", Management = "management", Member = "member", Guest = "guest", Advisory = "advisory";
    public static readonly IReadOnlyList<string> All = [Chair, Management, Member, Guest, Advisory];
}

public static class CollaborationKinds
{
    public const string Agreement = "agreement", Referral = "referral", Funding = "funding", Informal = "informal";
    public static readonly IReadOnlyList<string> All = [Agreement, Referral, Funding, Informal];
}
