import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import KhaltiSandbox

/// The one option every networked command shares. The token is deliberately not an
/// option: it would show in the process list (README "Configuration").
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "Khalti base URL, or 'uat' or 'live'. Overrides KHALTI_BASE_URL and the config file.")
    var baseURL: String?
}

/// A connected Khalti API, with the embedded sandbox behind it when no token is configured.
struct KhaltiSession {
    let api: KhaltiAPI
    let sandbox: RunningSandbox?
    let environment: KhaltiEndpoint.Environment
    let usesSandbox: Bool
    let settings: ConsoleSettings

    /// Which Khalti, and whether the money is real (header, banners, receipts, journal).
    var khalti: KhaltiEnvironment { settings.connection.environment }

    /// A line naming where money goes: a clerk or agent must never mistake a test for live.
    var banner: String { khalti.banner }

    static func open(_ options: ConnectionOptions, timeouts: KhaltiTimeouts = KhaltiTimeouts()) async throws -> KhaltiSession {
        LogSetup.bootstrap()
        return try await open(try CommandSettings.load(options), timeouts: timeouts)
    }

    /// The session `settings` describe, already loaded (the console reads them before it
    /// takes the screen, so that a configuration mistake is said plainly).
    static func open(_ settings: ConsoleSettings, timeouts: KhaltiTimeouts = KhaltiTimeouts()) async throws -> KhaltiSession {
        do {
            switch settings.connection {
            case .embeddedSandbox:
                let sandbox = try await RunningSandbox.start(SandboxConfiguration(dataDirectory: try DataDirectory.sandbox()))
                let endpoint = try KhaltiEndpoint(parsing: sandbox.baseURL)
                let api = try KhaltiAPI(endpoint: endpoint, token: try KhaltiToken(SandboxToken.value), timeouts: timeouts)
                return KhaltiSession(api: api, sandbox: sandbox, environment: .local, usesSandbox: true, settings: settings)
            case .localWithoutToken(let endpoint):
                let api = try KhaltiAPI(endpoint: endpoint, token: try KhaltiToken(SandboxToken.value), timeouts: timeouts)
                return KhaltiSession(api: api, sandbox: nil, environment: .local, usesSandbox: true, settings: settings)
            case .khalti(let endpoint, let token):
                let api = try KhaltiAPI(endpoint: endpoint, token: token, timeouts: timeouts)
                return KhaltiSession(api: api, sandbox: nil, environment: endpoint.environment, usesSandbox: false, settings: settings)
            }
        } catch let error as ConfigurationError {
            throw fail(error.description, code: ExitCodes.usage)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw fail("Could not start the embedded sandbox: \(error)", code: ExitCodes.unavailable)
        }
    }

    func close() async {
        await api.shutdown()
        await sandbox?.stop()
    }

    /// Runs `body` and closes the session whatever happens.
    func run<T>(_ body: (KhaltiSession) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            await close()
            return result
        } catch {
            await close()
            throw error
        }
    }
}
