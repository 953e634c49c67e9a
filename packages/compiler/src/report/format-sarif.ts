import type { VFile } from 'vfile'
import { ALL_RULES } from '../rules/index.js'
import { RULES_DOC_URL } from '../rules/rule.js'
import { MAPDOWN_VERSION } from '../version.js'
import { pathOf, viewOf } from './message-view.js'

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, tool `mapdown` with
 * its version, every rule of the registry (the compiler's and `check`'s) with
 * its help url, default level and description, one result per message with a
 * relative artifact uri and a region (columns are 1-based, end exclusive, as
 * in unist). Valid against the official schema (tested).
 */
export function formatSarif(files: readonly VFile[]): string {
  const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.id, index]))
  const results = files.flatMap((file) =>
    file.messages.map((message) => {
      const view = viewOf(message)
      const index = view.ruleId === undefined ? undefined : ruleIndex.get(view.ruleId)
      const region =
        view.line === undefined
          ? undefined
          : {
              startLine: view.line,
              startColumn: view.column ?? 1,
              endLine: view.endLine ?? view.line,
              endColumn: view.endColumn ?? (view.column ?? 1) + 1,
            }
      return {
        ruleId: view.ruleId ?? 'mapdown',
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: SARIF_LEVEL[view.level],
        message: { text: view.note ? `${view.reason}\n${view.note}` : view.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(pathOf(file)) },
              ...(region ? { region } : {}),
            },
          },
        ],
      }
    }),
  )
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mapdown',
            version: MAPDOWN_VERSION,
            semanticVersion: MAPDOWN_VERSION,
            informationUri: RULES_DOC_URL,
            rules: ALL_RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              ...(rule.docs === rule.summary ? {} : { fullDescription: { text: rule.docs } }),
              helpUri: rule.url,
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              properties: { origin: rule.origin },
            })),
          },
        },
        results,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
