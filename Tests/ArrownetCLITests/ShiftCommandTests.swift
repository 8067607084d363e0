import Foundation
import Testing

@Suite("arrownet shift: the till's day, run as a binary")
struct ShiftCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("without a shift: report, close and cash exit 12; open twice exits 13 and shows the open one")
    func exitCodes() async throws {
        let runner = try BinaryRunner()
        #expect(try await runner.run(["shift", "report"]).status == 12)
        #expect(try await runner.run(["shift", "close", "--counted", "0"]).status == 12)
        let cash = try await runner.run(["shift", "cash", "--in", "100", "--reason", "change"])
        #expect(cash.status == 12)
        #expect(cash.stderr.contains("has no open shift"))
        let opened = try await runner.run(["shift", "open", "--operator", "Ram", "--float", "5,000.50", "--json"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let shift = try #require(try Self.json(opened.stdout)["shift"] as? [String: Any])
        #expect(shift["number"] as? Int == 1)
        #expect(shift["opening_float"] as? String == "5000.50")
        #expect(shift["operator"] as? String == "Ram")
        #expect((shift["opened_at"] as? String)?.hasSuffix("+05:45") == true)
        let again = try await runner.run(["shift", "open", "--operator", "Sita", "--float", "100"])
        #expect(again.status == 13)
        #expect(again.stderr.contains("Shift 1 of") && again.stderr.contains("is open already (opened by Ram"))
        #expect(try await runner.run(["shift", "open", "--float", "five"]).status == 64)
        #expect(try await runner.run(["shift", "open", "--float", "5,00"]).status == 64, "a comma that groups nothing")
        #expect(try await runner.run(["shift", "cash", "--in", "1", "--out", "1", "--reason", "x"]).status == 64)
    }

    @Test("a day: open, pay, held, not paid, cash in and out; the X report equals history; close with the count; Z kept and printed")
    func day() async throws {
        let runner = try BinaryRunner()
        #expect(try await runner.run(["shift", "open", "--operator", "Ram", "--float", "5000"]).status == 0)
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"]).status == 0)
        #expect(try await runner.run(["pay", "failnow", "--months", "1", "--yes"]).status == 7)
        #expect(try await runner.run(["pay", "queuedok", "--months", "1", "--yes"]).status == 6)
        #expect(try await runner.run(["shift", "cash", "--in", "500", "--reason", "change from the bank"]).status == 0)
        #expect(try await runner.run(["shift", "cash", "--out", "2,000", "--reason", "drop to the safe", "--json"]).status == 0)

        let x = try await runner.run(["shift", "report", "--json"])
        #expect(x.status == 0, "\(x.stderr)")
        let report = try Self.json(x.stdout)
        #expect(report["report"] as? String == "X")
        let shift = try #require(report["shift"] as? [String: Any])
        #expect(shift["closed_at"] is NSNull)
        let history = try #require(try JSONSerialization.jsonObject(with: Data(try await runner.run(["history", "--json"]).stdout.utf8)) as? [[String: Any]])
        #expect(history.allSatisfy { $0["shift_id"] as? Int == shift["id"] as? Int })
        for (key, state) in [("paid", "paid"), ("not_paid", "not_paid"), ("held", "held"), ("abandoned", "abandoned")] {
            let rows = history.filter { $0["state"] as? String == state }
            let paisa = rows.compactMap { ($0["amount"] as? String).flatMap(Self.paisa) }.reduce(0, +)
            let tally = try #require(report[key] as? [String: Any])
            #expect(tally["count"] as? Int == rows.count, "\(key)")
            #expect((tally["amount"] as? String).flatMap(Self.paisa) == paisa, "\(key)")
        }
        // 5000 float + 1695 paid + 1695 held + 500 in - 2000 out.
        #expect(report["expected_cash"] as? String == "6890.00")
        #expect((report["cash_out"] as? [[String: Any]])?.first?["reason"] as? String == "drop to the safe")

        let text = try await runner.run(["shift", "report"])
        #expect(text.stdout.contains("X REPORT"))
        #expect(text.stdout.contains("EXPECTED IN DRAWER"))
        #expect(text.stdout.contains("*** SANDBOX: NOT REAL MONEY ***"))

        let closed = try await runner.run(["shift", "close", "--counted", "6,880", "--note", "ten short, checked twice", "--json"])
        #expect(closed.status == 0, "\(closed.stderr)")
        let z = try Self.json(closed.stdout)
        #expect(z["report"] as? String == "Z")
        #expect(z["counted_cash"] as? String == "6880.00")
        #expect(z["difference"] as? String == "-10.00")
        #expect(z["note"] as? String == "ten short, checked twice")
        #expect(closed.stderr.contains("Report saved as "))
        let files = try FileManager.default.contentsOfDirectory(atPath: runner.home.appendingPathComponent("data/receipts").path)
        let zFile = try #require(files.first { $0.hasSuffix("_Z.txt") }, "\(files)")
        let printed = try String(contentsOf: runner.home.appendingPathComponent("data/receipts/\(zFile)"), encoding: .utf8)
        #expect(printed.contains("Z REPORT") && printed.contains("SHORT"))
        #expect(printed.split(separator: "\n").allSatisfy { $0.count <= 42 })

        // Closed means closed: no shift now, and the kept Z report is what --shift shows.
        #expect(try await runner.run(["shift", "report"]).status == 12)
        let id = try #require((z["shift"] as? [String: Any])?["id"] as? Int)
        let kept = try await runner.run(["shift", "report", "--shift", String(id), "--json"])
        #expect(try Self.json(kept.stdout)["difference"] as? String == "-10.00")
        let csv = try await runner.run(["shift", "report", "--shift", String(id), "--csv"])
        #expect(csv.stdout.hasPrefix("section,item,count,amount\n"))
        #expect(csv.stdout.contains("drawer,counted_cash,,6880.00"))
        let list = try await runner.run(["shift", "list", "--json"])
        let shifts = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(shifts.count == 1 && shifts.first?["difference"] as? String == "-10.00")
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"]).status == 12, "no payment without a shift")
    }

    static func paisa(_ text: String) -> Int? {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let rupees = Int(parts[0]), let cents = Int(parts[1]) else { return nil }
        return rupees * 100 + cents
    }
}

@Suite("arrownet shift report --all-counters: the branch's day")
struct BranchDayTests {
    @Test("two counters on one journal: each shift and the totals")
    func twoCounters() async throws {
        let runner = try BinaryRunner()
        let counter2 = runner.home.appendingPathComponent("config2")
        try FileManager.default.createDirectory(at: counter2.appendingPathComponent("arrownet"), withIntermediateDirectories: true)
        try "counter = Counter2\n".write(to: counter2.appendingPathComponent("arrownet/config"), atomically: true, encoding: .utf8)
        let second = ["XDG_CONFIG_HOME": counter2.path]
        #expect(try await runner.run(["shift", "open", "--float", "1000"]).status == 0)
        #expect(try await runner.run(["shift", "open", "--float", "2000"], environment: second).status == 0)
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"]).status == 0)
        #expect(try await runner.run(["pay", "singleplan", "--months", "1", "--yes"], environment: second).status == 0)
        #expect(try await runner.run(["shift", "close", "--counted", "2695"]).status == 0)
        let day = try await runner.run(["shift", "report", "--all-counters", "--json"])
        #expect(day.status == 0, "\(day.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(day.stdout.utf8)) as? [String: Any])
        let shifts = try #require(object["shifts"] as? [[String: Any]])
        #expect(shifts.count == 2)
        let counters = shifts.compactMap { ($0["shift"] as? [String: Any])?["counter"] as? String }
        #expect(counters.contains("Counter2"))
        let totals = try #require(object["totals"] as? [String: Any])
        #expect((totals["paid"] as? [String: Any])?["amount"] as? String == "2825.50")
        #expect(totals["counted_cash"] as? String == "2695.00")
        let text = try await runner.run(["shift", "report", "--all-counters", "--date", "today"])
        #expect(text.stdout.contains("The branch's day") && text.stdout.contains("Total"))
        #expect(try await runner.run(["shift", "report", "--all-counters", "--date", "yesterday"]).status == 64)
    }
}

@Suite("The cash drawer through an ESC/POS printer, counted in the shift")
struct DrawerCountTests {
    @Test("a paid payment and the count open the drawer; each opening is in the Z report")
    func drawerOpenings() async throws {
        let runner = try BinaryRunner()
        let device = runner.home.appendingPathComponent("lp0")
        #expect(FileManager.default.createFile(atPath: device.path, contents: Data()))
        let config = runner.home.appendingPathComponent("config/arrownet")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "printer = escpos:\(device.path)\ndrawer = kick\n".write(to: config.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        #expect(try await runner.run(["shift", "open", "--float", "1000"]).status == 0)
        let paid = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"])
        #expect(paid.status == 0, "\(paid.stderr)")
        let x = try #require(try JSONSerialization.jsonObject(with: Data(try await runner.run(["shift", "report", "--json"]).stdout.utf8)) as? [String: Any])
        #expect((x["drawer"] as? [String: Any])?["opened"] as? Int == 1)
        #expect((x["drawer"] as? [String: Any])?["without_payment"] as? Int == 0)
        let closed = try await runner.run(["shift", "close", "--counted", "2695", "--json"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stderr.contains("The drawer opened for counting."))
        let z = try #require(try JSONSerialization.jsonObject(with: Data(closed.stdout.utf8)) as? [String: Any])
        #expect((z["drawer"] as? [String: Any])?["opened"] as? Int == 2)
        #expect((z["drawer"] as? [String: Any])?["without_payment"] as? Int == 1)
        // Two pulses reached the printer (ESC p), the receipt's and the count's.
        let bytes = [UInt8](try Data(contentsOf: device))
        let pulses = (0..<max(0, bytes.count - 1)).filter { bytes[$0] == 0x1B && bytes[$0 + 1] == 0x70 }.count
        #expect(pulses == 2)
    }
}
