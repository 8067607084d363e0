import Hummingbird
import GRDB
public enum SandboxPlaceholder {}
