import KhaltiClient

/// The settings every command reads first: flags, environment, config file, token file,
/// Bikram Sambat table. A mistake in any is a sentence and exit 64, before anything is
/// opened or sent.
enum CommandSettings {
    static func load(_ options: ConnectionOptions) throws(CommandFailure) -> ConsoleSettings {
        do {
            return try SettingsLoader().load(baseURLFlag: options.baseURL)
        } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
    }
}
