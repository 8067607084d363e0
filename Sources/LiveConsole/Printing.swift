// The receipt printer is part of this layer's API (`LiveConsoleEnvironment.make`
// takes one), so whoever imports LiveConsole can name and configure it.
@_exported import Printing
