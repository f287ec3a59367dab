/** The in-process event bus: services emit contract events, transports forward them. */
import type { EmitEvent, EventName, PayloadOf } from '../../shared/contract';

/** A listener that receives every event. */
export type EventListener = (name: EventName, payload: unknown) => void;

/** Fans contract events out to every transport that subscribed. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  /** Emits an event to every subscriber. A failing subscriber does not stop the others. */
  readonly emit: EmitEvent = <E extends EventName>(name: E, payload: PayloadOf<E>): void => {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // A broken transport must not break the service that emitted.
      }
    }
  };

  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
