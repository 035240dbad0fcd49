"""XunchaDesk (巡察台): offline-first desktop program for village inspection teams."""

__version__ = "0.1.0"
APP_NAME = "XunchaDesk"
