/** What a worker needs to know to run: where to read, where to write, how hard to push. */
export interface WorkerOptions {
  /** Server URLs, e.g. `["nats://10.0.0.1:4222", "nats://10.0.0.2:4222"]`. */
  servers: string[]
  /** The input stream. It must exist; the worker never creates it. */
  stream: string
  /** Durable pull consumer shared by every worker; created when missing. */
  consumer: string
  /** When the worker creates the consumer: only messages on this subject (filter). */
  filterSubject: string | undefined
  outSubject: string
  dlqSubject: string
  /** Messages pulled per request, and the most messages processed at once. */
  batch: number
  /**
   * Most outputs waiting for their PubAck at once, over all messages in progress: a
   * message starts only while fewer are outstanding (a message with more outputs than
   * this still starts when nothing else is in flight).
   */
  publishWindow: number
  /** Mapped records per output message (NDJSON); 1 publishes each record alone. */
  outBatch: number
  /** Ack wait of a consumer the worker creates (ms). */
  ackWaitMs: number
  /** Processing attempts per message; the delivery after the last attempt dead-letters it. */
  maxDeliver: number
  /** How long to wait for JetStream's PubAck of one output (ms). */
  publishTimeoutMs: number
  /** Period of the JSON stats line on stderr (ms); 0 prints only the final line. */
  statsIntervalMs: number
  /** The client name shown by the server and in every log line. */
  name: string
}
