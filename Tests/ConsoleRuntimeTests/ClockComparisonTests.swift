import ConsoleCore
import ConsoleRuntime
import Foundation
import Testing

@Suite("The counter's clock against the journal's, told to the console once")
struct ClockComparisonTests {
    @Test("the drift the journal gives is one action; none measured is nil")
    func once() async {
        var environment = ConsoleEnvironment.unconfigured(now: Date.init)
        environment.clockDrift = { -300 }
        var told: [ConsoleAction] = []
        for await action in ClockComparison.actions(environment: environment) { told.append(action) }
        #expect(told == [.clockCompared(-300)])

        var none: [ConsoleAction] = []
        for await action in ClockComparison.actions(environment: .unconfigured(now: Date.init)) { none.append(action) }
        #expect(none == [.clockCompared(nil)])
    }
}
