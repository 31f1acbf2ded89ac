// The live session of one map: SignalR for what others do (changes, presence, moves, a presenter's view).
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

export class Live {
  constructor({ networkId, language, onChanged, onPresence, onMoved, onFollow, onState, onResumed }) {
    this.networkId = networkId;
    this.handlers = { onChanged, onPresence, onMoved, onFollow, onState, onResumed };
    this.connection = new HubConnectionBuilder()
      .withUrl(`/hubs/network?lang=${language}`)
      // Keep trying for as long as the page is open: a server restart in a meeting must not need a reload.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 * 2 ** ctx.previousRetryCount, 4000) })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('changed', (set) => onChanged?.(set));
    this.connection.on('presence', (participants) => onPresence?.(participants));
    this.connection.on('moved', (moved) => onMoved?.(moved));
    this.connection.on('follow', (view) => onFollow?.(view));
    this.connection.onreconnecting(() => onState?.('reconnecting'));
    this.connection.onreconnected(() => this.#join().then(() => onResumed?.()));
    this.connection.onclose(() => { onState?.('reconnecting'); this.#startLater(); });
  }

  get connected() { return this.connection.state === HubConnectionState.Connected; }

  async start(name, colour) {
    this.name = name;
    this.colour = colour;
    try {
      await this.connection.start();
      return await this.#join();
    } catch {
      this.handlers.onState?.('reconnecting');
      this.#startLater();
      return null;
    }
  }

  #startLater() {
    clearTimeout(this.retry);
    this.retry = setTimeout(async () => {
      if (this.connection.state !== HubConnectionState.Disconnected) return;
      try {
        await this.connection.start();
        await this.#join();
        this.handlers.onResumed?.();
      } catch { this.#startLater(); }
    }, 2000);
  }

  async #join() {
    const joined = await this.connection.invoke('Join', this.networkId, this.name, this.colour);
    this.handlers.onState?.('connected');
    this.handlers.onPresence?.(joined.participants);
    return joined;
  }

  rename(name) { this.name = name; return this.connected ? this.#join() : Promise.resolve(); }

  /** Calls the hub if connected; a refused call reports its message, nothing else happens. */
  async call(method, ...args) {
    if (!this.connected) return false;
    await this.connection.invoke(method, ...args);
    return true;
  }

  get id() { return this.connection.connectionId; }
}
