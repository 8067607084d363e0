import AsyncHTTPClient
import Logging
import ArrownetDomain
public enum KhaltiClientPlaceholder {}
