import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type ConsumerInfo,
  type JetStreamManager,
} from '@nats-io/jetstream'
import { nanos } from '@nats-io/transport-node'
import { WorkerSetupError } from './errors.js'
import type { WorkerOptions } from './options.js'

/** What the worker learnt from the server before pulling its first message. */
export interface WorkerSetup {
  consumer: ConsumerInfo
  /** True when this worker created the consumer. */
  created: boolean
  /**
   * The delivery on which a message is dead-lettered instead of processed: the
   * worker's `--max-deliver` attempts plus one, lowered when the consumer itself
   * stops redelivering earlier (its `max_deliver`), so that no message is ever
   * dropped by the server without a dead letter.
   */
  deadLetterDelivery: number
}

/**
 * Checks the input stream and the output subjects, and finds or creates the shared
 * durable consumer. Throws WorkerSetupError with what is wrong and how to fix it.
 */
export async function prepareWorker(jsm: JetStreamManager, options: WorkerOptions): Promise<WorkerSetup> {
  try {
    await jsm.streams.info(options.stream)
  } catch (error) {
    if (isApiError(error, JetStreamApiCodes.StreamNotFound)) {
      throw new WorkerSetupError(`Input stream \`${options.stream}\` does not exist; create it first (see docs/scale-out.md)`)
    }
    throw error
  }

  for (const [subject, option] of [[options.outSubject, '--out-subject'], [options.dlqSubject, '--dlq-subject']] as const) {
    const streams = await streamsCapturing(jsm, subject)
    if (streams.length === 0) {
      // Without a stream the publish gets no PubAck, so nothing could ever be acknowledged.
      throw new WorkerSetupError(`No JetStream stream captures \`${subject}\` (${option}); add a stream with that subject so that outputs are stored and acknowledged`)
    }
    if (streams.includes(options.stream)) {
      throw new WorkerSetupError(`\`${subject}\` (${option}) is captured by the input stream \`${options.stream}\`: the worker would read its own output`)
    }
  }

  const { info, created } = await findOrCreateConsumer(jsm, options)
  if (info.config.ack_policy !== AckPolicy.Explicit) {
    throw new WorkerSetupError(`Consumer \`${options.consumer}\` has ack policy \`${info.config.ack_policy}\`; the worker needs \`explicit\` to acknowledge each message after its output is stored`)
  }
  if (info.config.deliver_subject !== undefined && info.config.deliver_subject !== '') {
    throw new WorkerSetupError(`Consumer \`${options.consumer}\` is a push consumer; the worker needs a pull consumer`)
  }

  const serverLimit = info.config.max_deliver ?? -1
  let deadLetterDelivery = options.maxDeliver + 1
  if (serverLimit > 0) {
    if (serverLimit < 2) {
      throw new WorkerSetupError(`Consumer \`${options.consumer}\` has max_deliver ${serverLimit}: no redelivery is left for the dead letter; use -1 (the worker bounds deliveries itself) or at least 2`)
    }
    deadLetterDelivery = Math.min(deadLetterDelivery, serverLimit)
  }
  return { consumer: info, created, deadLetterDelivery }
}

async function findOrCreateConsumer(jsm: JetStreamManager, options: WorkerOptions): Promise<{ info: ConsumerInfo; created: boolean }> {
  try {
    return { info: await jsm.consumers.info(options.stream, options.consumer), created: false }
  } catch (error) {
    if (!isApiError(error, JetStreamApiCodes.ConsumerNotFound)) throw error
  }
  const config: Partial<ConsumerConfig> = {
    durable_name: options.consumer,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(options.ackWaitMs),
    // Unbounded on the server: the worker dead-letters a message itself after
    // --max-deliver attempts, so that a message is never dropped without a trace.
    max_deliver: -1,
    ...(options.filterSubject === undefined ? {} : { filter_subject: options.filterSubject }),
  }
  try {
    return { info: await jsm.consumers.add(options.stream, config), created: true }
  } catch (error) {
    // Workers started together race to create the consumer; the losers use the winner's.
    try {
      return { info: await jsm.consumers.info(options.stream, options.consumer), created: false }
    } catch {
      throw error
    }
  }
}

async function streamsCapturing(jsm: JetStreamManager, subject: string): Promise<string[]> {
  const names: string[] = []
  for await (const name of jsm.streams.names(subject)) names.push(name)
  return names
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code
}
