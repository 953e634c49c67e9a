import { jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream'
import { connect, millis, type NatsConnection, type Subscription } from '@nats-io/transport-node'
import type { Engine } from '@mapdown/engine'
import { WorkerSetupError } from './errors.js'
import type { LogWrite } from './log.js'
import type { WorkerOptions } from './options.js'
import type { PlanOptions } from './plan.js'
import { processMessage, type ProcessContext } from './process-message.js'
import { DisconnectSignal } from './disconnect-signal.js'
import { prepareWorker } from './setup.js'
import { Slots } from './slots.js'
import { Dispatcher } from './dispatcher.js'
import { Publisher } from './publisher.js'
import { emptyCounters, StatsReporter, type WorkerCounters } from './stats.js'

export interface RunningWorker {
  /** Stops pulling, finishes and acknowledges the messages in hand, drains the connection. Idempotent. */
  stop(reason: string): Promise<WorkerCounters>
  /** Settles when the worker has stopped: by stop(), or rejected when consuming failed. */
  readonly done: Promise<WorkerCounters>
  counters(): WorkerCounters
}

/** How long a draining worker waits for the connection to flush before closing it. */
const DRAIN_TIMEOUT_MS = 10_000

/**
 * Lifetime of a pull request. The client also uses it as the retry delay when, after
 * a reconnection, its check of the consumer fails (JetStream still recovering): with
 * the default 30 s a worker could sit idle for half a minute after a server restart.
 * 5 s costs one pull request per 5 s per idle worker, and heartbeats every 2.5 s.
 */
const PULL_EXPIRES_MS = 5_000

/**
 * Connects, prepares the consumer and starts consuming. Returns once messages flow;
 * throws WorkerSetupError when the deployment is not usable.
 */
export async function startWorker(options: WorkerOptions, engine: Pick<Engine, 'mapFramedLine' | 'stats'>, log: LogWrite): Promise<RunningWorker> {
  let nc: NatsConnection
  try {
    nc = await connect({
      servers: options.servers,
      name: options.name,
      // Never give up on the cluster: a restarted or failed-over server is rejoined,
      // and messages in hand are redelivered by JetStream if their acks were lost.
      reconnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      reconnectJitter: 250,
    })
  } catch (error) {
    throw new WorkerSetupError(`Cannot connect to NATS at ${options.servers.join(', ')}: ${(error as Error).message}`)
  }

  try {
    return await consumeWith(nc, options, engine, log)
  } catch (error) {
    await nc.close().catch(() => {})
    throw error
  }
}

async function consumeWith(nc: NatsConnection, options: WorkerOptions, engine: Pick<Engine, 'mapFramedLine' | 'stats'>, log: LogWrite): Promise<RunningWorker> {
  let connected = true
  const disconnect = new DisconnectSignal()
  const plan: PlanOptions = {
    outSubject: options.outSubject,
    dlqSubject: options.dlqSubject,
    workerName: options.name,
    maxPayloadBytes: nc.info?.max_payload,
    outBatch: options.outBatch,
  }
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') {
        connected = false
        disconnect.disconnected(status.server)
      }
      if (status.type === 'reconnect') {
        connected = true
        // Another server of the cluster may have another limit.
        plan.maxPayloadBytes = nc.info?.max_payload
      }
      if (status.type === 'disconnect' || status.type === 'reconnect' || status.type === 'ldm' || status.type === 'staleConnection') {
        log({ type: 'connection', status: status.type, ...('server' in status ? { server: status.server } : {}) })
      } else if (status.type === 'error') {
        log({ type: 'connection', status: 'error', error: status.error.message })
      }
    }
  })()

  const jsm = await jetstreamManager(nc)
  const setup = await prepareWorker(jsm, options)
  // From the consumer's info that setup just read: no second request for it.
  const consumer = jetstream(nc).consumers.getConsumerFromInfo(setup.consumer)

  const counters = emptyCounters()
  const slots = new Slots(options.batch)
  const publisher = new Publisher(nc, { timeoutMs: options.publishTimeoutMs, disconnect })
  const reporter = new StatsReporter(options.name)
  const statsLine = () => reporter.line(counters, engine.stats(), { inFlight: slots.inUse, connected })

  let lastFailureLog = 0
  let failuresSinceLog = 0
  const context: ProcessContext = {
    publisher,
    engine,
    plan,
    deadLetterDelivery: setup.deadLetterDelivery,
    counters,
    onFailure: (seq, error) => {
      // A server restart fails hundreds of messages at once: log at most once a second.
      failuresSinceLog++
      const now = Date.now()
      if (now - lastFailureLog < 1000) return
      log({ type: 'failure', seq, error: (error as Error)?.message ?? String(error), failures: failuresSinceLog, action: 'redeliver' })
      lastFailureLog = now
      failuresSinceLog = 0
    },
  }

  // Messages are handed over as the client parses them (a callback, not an iterator), so
  // that the outputs of all the messages of one read go out in one write. Once the consumer
  // is closed, those not started are set aside and handed back at the end.
  let draining = false
  const setAside: JsMsg[] = []
  const dispatcher = new Dispatcher<JsMsg>({
    slots,
    process: (msg, done) => void processMessage(msg, context, done),
    mayStart: () => publisher.inFlight < options.publishWindow,
    draining: () => draining,
    setAside: (msg) => setAside.push(msg),
  })
  const messages = await consumer.consume({ max_messages: options.batch, expires: PULL_EXPIRES_MS, callback: (msg) => dispatcher.push(msg) })
  log({
    type: 'started',
    servers: options.servers,
    stream: options.stream,
    consumer: options.consumer,
    consumerCreated: setup.created,
    ackWaitMs: millis(setup.consumer.config.ack_wait ?? 0),
    deadLetterDelivery: setup.deadLetterDelivery,
    batch: options.batch,
    outBatch: options.outBatch,
    publishWindow: options.publishWindow,
    maxPayloadBytes: plan.maxPayloadBytes,
    outSubject: options.outSubject,
    dlqSubject: options.dlqSubject,
  })
  void watchConsumerStatus(messages, log)
  const timer = options.statsIntervalMs > 0 ? setInterval(() => log({ ...statsLine() }), options.statsIntervalMs) : undefined
  timer?.unref()

  // Ends when the consumer has been closed (rejects when it failed) and nothing is in progress.
  const loop = messages.closed().then(async (error) => {
    if (error instanceof Error) {
      await dispatcher.idle()
      throw error
    }
    await dispatcher.idle()
  })

  let stopping: Promise<WorkerCounters> | undefined
  const finish = async (reason: string, error?: unknown): Promise<WorkerCounters> => {
    if (timer !== undefined) clearInterval(timer)
    await dispatcher.idle()
    publisher.close()
    log({ ...statsLine(), final: true, reason, ...(error === undefined ? {} : { error: (error as Error).message }) })
    const drained = nc.drain().then(() => true, () => false)
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS).unref())
    if (!(await Promise.race([drained, timedOut]))) await nc.close().catch(() => {})
    return { ...counters }
  }

  const done = loop.then(
    () => stopping ?? finish('consumer_closed'),
    async (error: unknown) => {
      await finish('consumer_failed', error)
      throw error
    },
  )
  // Avoid an unhandled rejection when nobody awaits `done` before it settles.
  done.catch(() => {})

  return {
    counters: () => ({ ...counters }),
    done,
    stop: (reason) => {
      stopping ??= (async () => {
        log({ type: 'stopping', reason, inFlight: slots.inUse })
        draining = true
        dispatcher.setAsideWaiting()
        await stopPulling(messages)
        await loop.catch(() => {})
        for (const msg of setAside.splice(0)) handBack(msg, counters)
        return finish(reason)
      })()
      return stopping
    },
  }
}

/**
 * A message fetched but not started when the drain began: back to the server. Redelivered
 * at once, it could still go to a pull request of this worker that the server holds until
 * it expires (PULL_EXPIRES_MS), where nobody listens any more, and wait out the ack wait.
 * Delayed by that expiry, it goes to another worker.
 */
function handBack(msg: JsMsg, counters: WorkerCounters): void {
  counters.messages++
  try {
    msg.nak(PULL_EXPIRES_MS)
    counters.naked++
  } catch {
    // A closed connection: the message comes back after the ack wait instead.
  }
}

/**
 * Stops pulling without dropping what is already on the wire. `close()` alone removes
 * the subscription at once, so messages the server sent for a pull still outstanding
 * are dropped by the client and come back only after the ack wait. Draining the
 * consumer's subscription (unsubscribe, then deliver everything the server sent before
 * it saw that) hands them to the dispatcher, which sets them aside to be handed back now; the client ends the
 * iterator when the drain completes.
 */
async function stopPulling(messages: ConsumerMessages): Promise<void> {
  // `sub` is public on the client's pull consumer (PullConsumerMessagesImpl), not on the interface.
  const sub = (messages as unknown as { sub?: Partial<Subscription> }).sub
  if (typeof sub?.drain === 'function' && sub.isClosed?.() === false) await sub.drain().catch(() => {})
  await messages.close()
}

async function watchConsumerStatus(messages: ConsumerMessages, log: LogWrite): Promise<void> {
  for await (const status of messages.status()) {
    // Heartbeats and pull requests are routine; the rest says something is wrong.
    if (status.type === 'heartbeat' || status.type === 'next' || status.type === 'debug' || status.type === 'discard' || status.type === 'flow_control') continue
    const { type, ...details } = status
    log({ type: 'consumer', status: type, ...details })
  }
}
