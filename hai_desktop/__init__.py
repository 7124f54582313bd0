"""HAI Desk: the CSO service-desk app of the HAI-DJPBN helpdesk."""

__version__ = "0.1.0"
APP_NAME = "HAI Desk"
APP_AUTHOR = "DJPb"
