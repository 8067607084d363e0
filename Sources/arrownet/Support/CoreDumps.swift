import Foundation
import Glibc

/// A core dump is a copy of the process's memory on disk, and this process's memory
/// holds the Khalti token (and may hold the journal's password) from the moment the
/// settings are read. A crash, or a SIGQUIT from a clerk's Ctrl-\ or a stray `kill`,
/// must not leave that copy where support bundles, `coredumpctl` or a backup would pick
/// it up. So before anything is read:
/// - the core file size limit is 0: the kernel writes no core file (children, such as
///   the print command, inherit the limit);
/// - the process is not dumpable (`PR_SET_DUMPABLE` 0): no core even through a
///   `core_pattern` pipe that ignores the limit, and other processes of the same user
///   cannot ptrace it or read its `/proc/PID/mem`.
/// Both are best effort: a failure leaves the process as it was, which is no reason to
/// refuse a payment.
enum CoreDumps {
    static func disable() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
        _ = prctl?(setDumpable, 0, 0, 0, 0)
        reportForTests()
    }

    // <sys/prctl.h>, which the Glibc module does not import.
    private static let setDumpable: Int32 = 4
    private static let getDumpable: Int32 = 3
    private typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

    /// glibc's `prctl`, found at run time: Swift cannot call the variadic C declaration.
    private static let prctl: Prctl? = dlsym(nil, "prctl").map { unsafeBitCast($0, to: Prctl.self) }

    /// A debug build writes `dumpable=N` to the file `ARROWNET_TEST_DUMPABLE_FILE` names:
    /// run as root, the tests cannot see from `/proc` that the process is not dumpable
    /// (root reads every process's files either way). Release builds ignore it.
    static let reportVariable = "ARROWNET_TEST_DUMPABLE_FILE"

    private static func reportForTests() {
        #if DEBUG
        guard let path = ProcessInfo.processInfo.environment[reportVariable], !path.isEmpty else { return }
        let dumpable = prctl?(getDumpable, 0, 0, 0, 0) ?? -1
        _ = FileManager.default.createFile(atPath: path, contents: Data("dumpable=\(dumpable)\n".utf8))
        #endif
    }
}
