/**
 * The playground in real Chromium (Debian's `chromium`, driven by
 * playwright-core; nothing is downloaded), served by `mapdown playground` as a
 * user would run it. Screenshots go to test/artifacts/.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CHROMIUM = '/usr/bin/chromium'
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url))
const required = process.env.MAPDOWN_REQUIRE_CHROMIUM === '1'
const available = existsSync(CHROMIUM)
// The page answers in milliseconds; a loaded machine (CI, other jobs) may take seconds.
const POLL = { timeout: 30_000, interval: 100 }

describe.runIf(available || required)('the playground in Chromium', { timeout: 120_000 }, () => {
  let server: ChildProcess
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    server = spawn(process.execPath, ['packages/cli/dist/bin.js', 'playground', 'dictionaries', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    const url = await new Promise<string>((resolve, reject) => {
      let seen = ''
      server.stdout!.on('data', (chunk: Buffer) => {
        seen += String(chunk)
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(seen)
        if (found) resolve(found[0])
      })
      server.once('exit', (code) => reject(new Error(`mapdown playground exited with ${code}: ${seen}`)))
    })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(url)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 })
    expect(errors).toEqual([])
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    server?.kill('SIGTERM')
  })

  it('should open the seed dictionary with its warnings at lines 93, 98, 104 to 108 and 109', async () => {
    await expect.poll(() => page.locator('[data-testid=library]').inputValue(), POLL).toBe('sentinelone/network-connection.md')
    const warnings = page.locator('[data-testid=diagnostic][data-severity=warning]')
    await expect.poll(() => warnings.evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.line))), POLL).toEqual([93, 98, 104, 105, 106, 107, 108, 108, 109])
    expect(await page.locator('[data-testid=diagnostic][data-severity=error]').count()).toBe(0)
    // The same warnings are marked in the editor's gutter (drawn for the lines in view: go to the end).
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+End')
    // One marker per line: 108 has two warnings (its shifted cells, its Sample Value).
    await expect.poll(() => page.locator('.cm-gutter-lint .cm-lint-marker-warning').count(), POLL).toBe(8)
    expect(await page.locator('[data-testid=sample-output]').innerText()).toContain('"src_ip": "10.115.32.249"')
    await page.screenshot({ path: `${ARTIFACTS}seed-dictionary.png` })
  })

  it('should show an unknown type as an error at its line while typing, and clear it when fixed', async () => {
    await page.keyboard.press('Control+End')
    await page.keyboard.type('| dst_host | tcpv4.destinationAddress.address | hostnme | Destination host | 4.3.2.1 |')
    const errors = page.locator('[data-testid=diagnostic][data-severity=error]')
    await expect.poll(() => errors.evaluateAll((items) => items.map((item) => `${(item as HTMLElement).dataset.line} ${item.textContent}`)), POLL).toEqual([
      expect.stringMatching(/^110 .*hostnme.*field-type-unknown/),
    ])
    await expect.poll(() => page.locator('.cm-gutter-lint .cm-lint-marker-error').count(), POLL).toBe(1)
    await page.screenshot({ path: `${ARTIFACTS}unknown-type.png` })

    // Select the row: Home stops at each wrap point of the long line first, then at its start.
    for (let press = 0; press < 3; press++) await page.keyboard.press('Shift+Home')
    await page.keyboard.type('| dst_host | tcpv4.destinationAddress.address | string | Destination host | 4.3.2.1 |')
    await expect.poll(() => errors.count(), POLL).toBe(0)
    expect(await page.locator('[data-testid=fields]').innerText()).toContain('dst_host')
  })

  it('should map pasted events and show the rejects with their reasons', async () => {
    const event = { tcpv4: { sourceAddress: { address: '192.0.2.7', port: 50000 }, destinationAddress: { address: '198.51.100.9', port: 443 }, source: { fullPid: { pid: 42 } } }, timestamp: { millisecondsSinceEpoch: 1718213549466 } }
    await page.locator('[data-testid=events]').fill(`${JSON.stringify(event)}\n{"dns": {}}\nnot json\n`)
    await expect.poll(() => page.locator('[data-testid=pasted-counts]').innerText(), POLL).toBe('read 3, mapped 1, rejected 2')
    const record = await page.locator('[data-testid=pasted-record]').innerText()
    expect(record).toContain('"src_ip": "192.0.2.7"')
    expect(record).toContain('"dst_host": "198.51.100.9"')
    expect(record).toContain('"event_date_creation": "2024-06-12T17:32:29.466Z"')
    const rejects = await page.locator('[data-testid=pasted-reject]').allInnerTexts()
    expect(rejects).toEqual([expect.stringContaining('line 2: rejected no_matching_dictionary'), expect.stringContaining('line 3: rejected invalid_json')])
    await page.screenshot({ path: `${ARTIFACTS}pasted-events.png` })
  })

  it('should open any dictionary of the library', async () => {
    const options = await page.locator('[data-testid=library] option').allInnerTexts()
    expect(options.length).toBeGreaterThan(5)
    const other = options.find((path) => path.includes('cloud-funnel') && !path.includes('/common/'))!
    await page.locator('[data-testid=library]').selectOption(other)
    await expect.poll(() => page.locator('[data-testid=status]').innerText(), POLL).toContain(other)
    expect(await page.locator('[data-testid=diagnostic][data-severity=error]').count()).toBe(0)
    expect(await page.locator('[data-testid=sample-output]').innerText()).toContain('"@mapdown"')
  })

  it('should map the sample and pasted events to each schema of the library, chosen in the Output picker', async () => {
    await page.locator('[data-testid=library]').selectOption('sentinelone-cloud-funnel/ip.md')
    await expect.poll(() => page.locator('[data-testid=status]').innerText(), POLL).toContain('sentinelone-cloud-funnel/ip.md')
    expect(await page.locator('[data-testid=schema] option').allInnerTexts()).toEqual(['standard names', '--schema ecs', '--schema ocsf'])
    const sample = page.locator('[data-testid=sample-output]')
    await page.locator('[data-testid=schema]').selectOption('ocsf')
    await expect.poll(() => sample.innerText(), POLL).toContain('"class_uid": 4001')
    expect(await sample.innerText()).toContain('"unmapped": {')
    const event = { 'event.category': 'ip', 'event.type': 'IP Connect', 'src.ip.address': '192.0.2.7', 'dst.ip.address': '198.51.100.9', 'event.network.direction': 'OUTGOING' }
    await page.locator('[data-testid=events]').fill(`${JSON.stringify(event)}\n`)
    await expect.poll(() => page.locator('[data-testid=pasted-counts]').innerText(), POLL).toBe('read 1, mapped 1, rejected 0')
    expect(await page.locator('[data-testid=pasted-record]').innerText()).toContain('"class_uid": 4001')
    await page.screenshot({ path: `${ARTIFACTS}schema-ocsf.png` })
    await page.locator('[data-testid=schema]').selectOption('ecs')
    await expect.poll(() => sample.innerText(), POLL).toContain('"mapdown_dictionary": "sentinelone-cloud-funnel/IP"')
    expect(await page.locator('[data-testid=pasted-record]').innerText()).toContain('"direction": "egress"')
  })
})
