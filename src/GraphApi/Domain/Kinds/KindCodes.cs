namespace GraphApi.Domain;

// The codes of the string-typed kind fields, as constants for code that names one. Their order, words and colours
// are in the registry (Kinds.cs); errors list the allowed values from there.

public static class ActorKinds
{
    public const string Administration = "administration", Jobcenter = "jobcenter", EmploymentAgency = "employmentAgency",
        Municipality = "municipality", WelfareAssociation = "welfareAssociation", MigrantOrganisation = "migrantOrganisation",
        EducationProvider = "educationProvider", Chamber = "chamber", Counselling = "counselling", Politics = "politics",
        Volunteering = "volunteering", State = "state", Research = "research", Other = "other";

    public static IReadOnlyList<string> All => Kinds.Actor.Codes;
}

public static class BodyKinds
{
    public const string SteeringGroup = "steeringGroup", CoordinationStaff = "coordinationStaff", Network = "network",
        WorkingGroup = "workingGroup", Commission = "commission", PoliticalCommittee = "politicalCommittee",
        Conference = "conference", Other = "other";

    public static IReadOnlyList<string> All => Kinds.Body.Codes;
}

public static class BodyStatuses
{
    public const string Active = "active", Dormant = "dormant", Dissolved = "dissolved";
    public static IReadOnlyList<string> All => Kinds.BodyStatus.Codes;
}

public static class TerritoryKinds
{
    public const string District = "district", City = "city", Municipality = "municipality", Other = "other";
    public static IReadOnlyList<string> All => Kinds.Territory.Codes;
}

public static class MembershipRoles
{
    public const string Chair = "chair", Management = "management", Member = "member", Guest = "guest", Advisory = "advisory";
    public static IReadOnlyList<string> All => Kinds.Role.Codes;
}

public static class CollaborationKinds
{
    public const string Agreement = "agreement", Referral = "referral", Funding = "funding", Informal = "informal";
    public static IReadOnlyList<string> All => Kinds.Collaboration.Codes;
}
