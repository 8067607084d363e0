import ArgumentParser
import ArrownetDomain
import KhaltiClient

/// `arrownet check`: the pre-flight a shop runs before taking real money, and after any
/// change at Khalti. It asks the configured Khalti, with the counter's own token, what
/// the counter will ask it, and says whether each answer reads as Khalti documents it.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the configured Khalti's answers read as documented, before taking real money.",
        discussion: """
            Asks for the balance, a username's details, and a single and a bulk lookup of two \
            references never sent; with --pay (UAT or the sandbox only) one real 1-month payment \
            and its single and bulk lookups. Prints each call's HTTP status, the answer's shape, \
            how it was read and whether that is the documented reading. \
            Exit codes: 0 every reading is the documented one; 15 some are not (named); \
            11 data folder unusable (embedded sandbox); 64 usage, a bad config, or --pay on live.
            """
    )

    /// Khalti's documented test user on UAT, which the sandbox serves too.
    static let testUser = "Pradhanang"

    @Option(name: .long, help: "The username to ask details for (default Pradhanang on UAT and the sandbox; required on live).")
    var username: String?

    @Flag(name: .long, help: "Also make one real 1-month payment and look it up (UAT or the sandbox only).")
    var pay = false

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let session = try await KhaltiSession.open(connection)
        let khalti = session.khalti
        // Live money is never spent on a check; UAT gives the same answer shapes for free.
        if pay && khalti.isRealMoney {
            await session.close()
            throw fail(
                "--pay makes a real payment, so it is refused on live (real money). Run arrownet check --pay against UAT "
                    + "(--base-url uat, with a TEST: token), and arrownet check without --pay here.",
                code: ExitCodes.usage)
        }
        let name: Username
        do {
            name = try chosenUsername(khalti)
        } catch {
            await session.close()
            throw error
        }
        let payRefusal = khalti.isRealMoney ? "--pay is refused on live: run arrownet check --pay on UAT" : nil
        let report = try await session.run { session in
            await Preflight.run(KhaltiProbe(session.api), username: name, pay: pay, references: .live())
        }
        // Said beside the readings, never changing the exit code: the readings are Khalti's.
        let clock = await JournalClockCheck.measure(journalURL: try? SettingsLoader().journalURL())
        let code = report.documented ? ExitCodes.found : ExitCodes.checkFailed
        // Server text in the report is scrubbed of the token already (`Preflight.run`); the
        // program's own words around it are not, since a test token's secret can be a word
        // (the sandbox's is "sandbox").
        if json {
            Terminal.standardError.write(session.banner + "\n")
            Terminal.standardOutput.write(CheckReport.json(report, khalti: khalti, payRefusal: payRefusal, clock: clock, exitCode: code) + "\n")
        } else {
            Terminal.standardOutput.write(CheckReport.table(report, banner: session.banner, payRefusal: payRefusal, clock: clock))
        }
        if code != ExitCodes.found { throw ExitCode(code) }
    }

    /// `--username`, or the test user where one exists: a live server has no test user,
    /// and guessing a real customer's name would be wrong.
    func chosenUsername(_ khalti: KhaltiEnvironment) throws(CommandFailure) -> Username {
        guard let given = username ?? (khalti.isRealMoney ? nil : Self.testUser) else {
            throw fail("On live, give the username to ask details for: arrownet check --username USERNAME.", code: ExitCodes.usage)
        }
        do {
            return try Username(given)
        } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
    }
}
