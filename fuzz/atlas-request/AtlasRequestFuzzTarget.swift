// libFuzzer entry point for the Atlas endpoints, compiled into the AtlasSandbox module by fuzz/run.
// Every input builds a fresh sandbox (two clients, the default fixture incidents plus generated
// ones), so a saved crash replays without depending on earlier inputs. The input is decoded by
// `AtlasFuzzInput` into credentials, headers, an optional extra path and a body; the call goes to
// both endpoints (and the extra path), optionally twice, and `ReplyInvariants` checks every reply
// and the journal.
import AtlasJSON

/// Called by libFuzzer once per input; returns 0 (the input may be added to the corpus).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = AtlasFuzzInput(Array(UnsafeBufferPointer(start: data, count: size)))
    let sandbox = FuzzSandbox.make(strict: input.strict, timeFormat: input.timeFormat)
    var paths = [GetPageListRequest.path, UpdateWebhookURLRequest.path]
    if let extra = input.extraPath { paths.append(extra) }
    var calls = 0
    for _ in 0..<(input.repeats ? 2 : 1) {
        for path in paths {
            let call = AtlasCall(path: path, headers: input.headers, body: input.body)
            let reply = sandbox.handle(call)
            calls += 1
            ReplyInvariants.check(reply, to: call, in: sandbox)
        }
    }
    ReplyInvariants.checkJournal(of: sandbox, calls: calls)
    return 0
}

/// Stops the run with a message; libFuzzer reports the trap as a crash and saves the input.
func fuzzFailure(_ message: String) -> Never {
    fatalError("fuzz invariant violated: \(message)")
}
