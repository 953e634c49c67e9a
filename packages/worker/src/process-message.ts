import type { JsMsg } from '@nats-io/jetstream'
import type { Engine } from '@mapdown/engine'
import { planMaxDeliveries, planMessage, type PlanOptions, type PlannedOutput, type SourceMessage } from './plan.js'
import type { Publisher } from './publisher.js'
import type { WorkerCounters } from './stats.js'

export interface ProcessContext {
  publisher: Pick<Publisher, 'publish'>
  engine: Pick<Engine, 'mapFramedLine'>
  plan: PlanOptions
  /** The delivery on which a message is dead-lettered instead of processed. */
  deadLetterDelivery: number
  counters: WorkerCounters
  /** Called when processing fails; the message is then handed back for redelivery. */
  onFailure: (seq: number, error: unknown) => void
}

/**
 * Processes one delivery: map, publish every output, wait for JetStream's PubAcks,
 * and only then acknowledge. When anything fails the message is nak'ed (with a
 * backoff) and comes back, here or on another worker. When it has come back too
 * often it is dead-lettered without being mapped again, and terminated.
 *
 * Returns the number of outputs published; `done` is called once the message is
 * settled (acked, nak'ed or terminated), never before this returns.
 */
export function processMessage(msg: JsMsg, context: ProcessContext, done: () => void): number {
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
    handBack(msg, context, error)
    queueMicrotask(done)
    return 0
  }

  let waiting = outputs.length
  let failure: Error | undefined
  for (const output of outputs) {
    context.publisher.publish(output.subject, output.payload, output.headers, output.msgId, (error, ack) => {
      if (error !== undefined) {
        counters.publishFailures++
        failure ??= error
      } else {
        if (ack!.duplicate) counters.duplicates++
        if (output.kind === 'mapped') counters.published += output.records
        else counters.dlq++
      }
      if (--waiting === 0) {
        settle(msg, context, givingUp, failure)
        done()
      }
    })
  }
  return outputs.length
}

/** Every output has its answer: ack (or term) when all were stored, hand back otherwise. */
function settle(msg: JsMsg, context: ProcessContext, givingUp: boolean, failure: Error | undefined): void {
  if (failure !== undefined) return handBack(msg, context, failure)
  try {
    if (givingUp) {
      // Its dead letter is stored: make sure the server never delivers it again.
      msg.term()
      context.counters.termed++
    } else {
      msg.ack()
      context.counters.acked++
    }
  } catch (error) {
    // Only a closed connection refuses an ack; the message then comes back after the
    // ack wait and its outputs are republished with the same ids (a duplicate).
    context.onFailure(msg.seq, error)
  }
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
