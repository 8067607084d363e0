/// How long a printer may take before the clerk is told: printers answer in
/// milliseconds when they are on, so a few seconds means off, unplugged or stuck.
public struct PrinterTimeouts: Hashable, Sendable {
    /// Looking up the host and connecting.
    public let connect: Duration
    /// Handing over the whole job. A job bigger than the printer's input buffer waits
    /// while the head prints, so this covers a long report too.
    public let write: Duration

    public init(connect: Duration = .seconds(3), write: Duration = .seconds(10)) {
        self.connect = connect
        self.write = write
    }
}
