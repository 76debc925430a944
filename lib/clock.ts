/** The current time. Code that needs "now" takes a Clock so tests can move time. */
export type Clock = () => Date

/** The real clock. */
export const systemClock: Clock = () => new Date()
