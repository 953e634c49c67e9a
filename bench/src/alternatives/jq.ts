/**
 * jq, the command-line tool many pipelines use for this job, run whole
 * process (file to file). Same record: addresses checked with a regex,
 * integers kept when integral, the time as ISO 8601 with milliseconds (jq's
 * `todate` has whole seconds, so the milliseconds are put back by hand). An
 * invalid value becomes null and is then left out, as in the other mappers.
 */
export const JQ_FILTER = `
def ipv4: if type == "string" and test("^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$") then . else null end;
def int: if type == "number" and . == floor then . else null end;
def iso_ms: if type == "number" then ((. / 1000 | floor | todate | rtrimstr("Z")) + "." + ((. % 1000) + 1000 | tostring | .[1:]) + "Z") else null end;
select(.tcpv4 != null)
| {
    src_ip: (.tcpv4.sourceAddress.address | ipv4),
    src_port: (.tcpv4.sourceAddress.port | int),
    dst_ip: (.tcpv4.destinationAddress.address | ipv4),
    dst_port: (.tcpv4.destinationAddress.port | int),
    process_id: (.tcpv4.source.fullPid.pid | int),
    event_date_creation: (.timestamp.millisecondsSinceEpoch | iso_ms),
    "@mapdown": {dictionary: "sentinelone/NetworkConnection", rule: "NetworkConnection", logType: "sentinelone"}
  }
| with_entries(select(.value != null))
`
