import ArgumentParser
import KhaltiClient
import KhaltiSandbox
@main struct Arrownet: ParsableCommand { func run() {} }
