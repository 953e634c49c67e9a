import type { JetStreamClient, JsMsg, PubAck } from '@nats-io/jetstream'
import { headers as natsHeaders } from '@nats-io/transport-node'
import type { Engine } from '@mapdown/engine'
import { planMaxDeliveries, planMessage, type PlanOptions, type PlannedOutput, type SourceMessage } from './plan.js'
import type { DisconnectSignal } from './disconnect-signal.js'
import type { WorkerCounters } from './stats.js'

export interface ProcessContext {
  js: JetStreamClient
  engine: Pick<Engine, 'mapFramedLine'>
  plan: PlanOptions
  /** The delivery on which a message is dead-lettered instead of processed. */
  deadLetterDelivery: number
  publishTimeoutMs: number
  /** Fails publishes still waiting for their PubAck when the connection drops. */
  disconnect: DisconnectSignal
  counters: WorkerCounters
  /** Called when processing fails; the message is then handed back for redelivery. */
  onFailure: (seq: number, error: unknown) => void
}

/**
 * Processes one delivery: map, publish every output, wait for JetStream's PubAcks,
 * and only then acknowledge. When anything fails the message is nak'ed (with a
 * backoff) and comes back, here or on another worker. When it has come back too
 * often it is dead-lettered without being mapped again, and terminated.
 */
export async function processMessage(msg: JsMsg, context: ProcessContext): Promise<void> {
  const { counters } = context
  const deliveryCount = msg.info.deliveryCount
  counters.messages++
  if (deliveryCount > 1) counters.redelivered++
  const source: SourceMessage = {
    stream: msg.info.stream,
    subject: msg.subject,
    seq: msg.seq,
    deliveryCount,
    data: msg.data,
  }

  const givingUp = deliveryCount >= context.deadLetterDelivery
  let outputs: PlannedOutput[]
  try {
    outputs = givingUp ? [planMaxDeliveries(source, deliveryCount - 1, context.plan)] : planMessage(source, context.engine, context.plan)
  } catch (error) {
    // The engine never throws by contract; if it does, retry like any other failure.
    return handBack(msg, context, error)
  }

  const settled = await Promise.allSettled(outputs.map((output) => publish(context, output)))
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected')
  settled.forEach((result, index) => {
    if (result.status === 'rejected') {
      counters.publishFailures++
      return
    }
    const output = outputs[index]!
    if (result.value.duplicate) counters.duplicates++
    if (output.kind === 'mapped') counters.published++
    else counters.dlq++
  })
  if (failure !== undefined) return handBack(msg, context, failure.reason)

  try {
    if (givingUp) {
      // Its dead letter is stored: make sure the server never delivers it again.
      msg.term()
      counters.termed++
    } else {
      msg.ack()
      counters.acked++
    }
  } catch (error) {
    // Only a closed connection refuses an ack; the message then comes back after the
    // ack wait and its outputs are republished with the same ids (a duplicate).
    context.onFailure(msg.seq, error)
  }
}

function publish(context: ProcessContext, output: PlannedOutput): Promise<PubAck> {
  const headers = natsHeaders()
  for (const [key, value] of Object.entries(output.headers)) headers.set(key, value)
  const published = context.js.publish(output.subject, output.payload, {
    msgID: output.msgId,
    headers,
    timeout: context.publishTimeoutMs,
  })
  // The loser of the race still settles later; its outcome no longer matters.
  published.catch(() => {})
  return Promise.race([published, context.disconnect.next()])
}

function handBack(msg: JsMsg, context: ProcessContext, error: unknown): void {
  context.onFailure(msg.seq, error)
  // Back off 0.5 s, 1 s, 2 s ... up to 30 s, so that a struggling server is not hammered.
  const delay = Math.min(500 * 2 ** (msg.info.deliveryCount - 1), 30_000)
  try {
    msg.nak(delay)
    context.counters.naked++
  } catch {
    // A closed connection: the message comes back after the ack wait instead.
  }
}
