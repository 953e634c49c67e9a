/**
 * Errors of the NATS worker. Usage errors are the command line's `UsageError`
 * (exit 2); a deployment the worker cannot run against is a setup error (exit 1).
 */

/**
 * The worker cannot start against this NATS deployment: the server is unreachable,
 * the input stream does not exist, an output subject is not captured by any stream,
 * or the consumer's configuration cannot honour the dead-letter policy.
 */
export class WorkerSetupError extends Error {
  override readonly name = 'WorkerSetupError'
}
