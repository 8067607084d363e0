import Foundation

/// A spinner with the seconds waited, on standard error while Khalti is slow to answer a
/// payment: a clerk who sees nothing for 60 s closes the window. Only on a terminal (a
/// script's log gets no carriage returns), and only after the first second, so a prompt
/// answer draws nothing.
struct WaitIndicator: Sendable {
    private let task: Task<Bool, Never>?
    private let terminal: Terminal

    static let frames = ["|", "/", "-", "\\"]

    /// Starts counting now; draws from `after` on, every `interval`.
    init(on terminal: Terminal = .standardError, after delay: Duration = .seconds(1), interval: Duration = .milliseconds(200)) {
        self.terminal = terminal
        guard terminal.isInteractive else {
            task = nil
            return
        }
        let started = ContinuousClock.now
        task = Task {
            var drawn = false
            var frame = 0
            guard (try? await Task.sleep(for: delay)) != nil else { return false }
            while !Task.isCancelled {
                let seconds = (ContinuousClock.now - started).components.seconds
                terminal.rewriteLine("\(Self.frames[frame % Self.frames.count]) Waiting for Khalti: \(seconds) s (the payment is on its way)")
                drawn = true
                frame += 1
                guard (try? await Task.sleep(for: interval)) != nil else { break }
            }
            return drawn
        }
    }

    /// Stops, and clears the line if anything was drawn.
    func stop() async {
        guard let task else { return }
        task.cancel()
        if await task.value { terminal.write(.clearLine) }
    }
}
