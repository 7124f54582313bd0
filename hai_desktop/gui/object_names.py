"""Every stable ``objectName`` of the desk GUI, in one place.

QSS (``hai_desktop/resources/styles/desk.qss``), accessibility tools and tests address widgets by these
names, so they never change casually. Every main interactive widget gets one.
"""

from __future__ import annotations

# Main window
MAIN_WINDOW = "mainWindow"
NAV_LIST = "navList"
NAV_PANEL = "navPanel"
NAV_BRAND = "navBrand"
NAV_OFFICE = "navOffice"
PAGE_STACK = "pageStack"
STATUS_BAR = "statusBar"
STATUS_MESSAGE = "statusMessage"
SYNC_INDICATOR_SLOT = "syncIndicatorSlot"
SETTINGS_BUTTON = "settingsButton"
PROFILE_LABEL = "profileLabel"

# Pages (keys of MainWindow.add_page / mainwindow.SCREENS are the page names)
PAGE_LOG = "log"
PAGE_HISTORY = "history"
PAGE_KB = "kb"

# Log form (Catat Layanan)
FORM_PAGE = "inquiryFormPage"
FORM = "inquiryForm"
FORM_TITLE = "formTitle"
FORM_SIDE_PANEL_SLOT = "formSidePanelSlot"
DRAFT_BANNER = "draftBanner"
DRAFT_RESTORE = "draftRestoreButton"
DRAFT_DISCARD = "draftDiscardButton"
VISITOR_NAME = "visitorNameEdit"
SATKER_CODE = "satkerCodeEdit"
INSTITUTION = "institutionEdit"
PHONE = "phoneEdit"
EMAIL = "emailEdit"
CHANNEL = "channelCombo"
DEPARTMENT = "departmentCombo"
APPLICATION = "applicationCombo"
QUESTION = "questionEdit"
ANSWER = "answerEdit"
REGULATION_INPUT = "regulationInput"
REGULATION_ADD = "regulationAddButton"
REGULATION_LIST = "regulationList"
REGULATION_REMOVE = "regulationRemoveButton"
KB_BASIS_LIST = "kbBasisList"
KB_BASIS_REMOVE = "kbBasisRemoveButton"
OUTCOME = "outcomeCombo"
OUT_OF_SCOPE_REASON = "outOfScopeReasonCombo"
SERVED_START = "servedStartEdit"
SERVED_END = "servedEndEdit"
SAVE_BUTTON = "saveButton"
NEW_VISITOR_BUTTON = "newVisitorButton"
DUPLICATE_BUTTON = "duplicateButton"
FORWARD_TICKET_BUTTON = "formForwardTicket"
FORM_CONFIRMATION = "formConfirmation"
# Inline error labels are named "<fieldObjectName>Error", see error_name().

# History (Riwayat)
HISTORY_VIEW = "historyView"
HISTORY_TABLE = "historyTable"
HISTORY_SEARCH = "historySearchEdit"
HISTORY_DATE_FROM = "historyDateFrom"
HISTORY_DATE_TO = "historyDateTo"
HISTORY_DATE_ENABLED = "historyDateFilterCheck"
HISTORY_DEPARTMENT = "historyDepartmentCombo"
HISTORY_CHANNEL = "historyChannelCombo"
HISTORY_OUTCOME = "historyOutcomeCombo"
HISTORY_OPEN = "historyOpenButton"
HISTORY_DUPLICATE = "historyDuplicateButton"
HISTORY_COUNT = "historyCountLabel"
HISTORY_CLEAR = "historyClearFiltersButton"

# Dialogs
PROFILE_DIALOG = "profileDialog"
PROFILE_NAME = "profileNameEdit"
PROFILE_EMAIL = "profileEmailEdit"
PROFILE_OFFICE = "profileOfficeCombo"
PROFILE_SAVE = "profileSaveButton"
SETTINGS_DIALOG = "settingsDialog"
SETTINGS_TABS = "settingsTabs"
SETTINGS_LANGUAGE = "settingsLanguageCombo"
SHORTCUT_HELP_DIALOG = "shortcutHelpDialog"
SHORTCUT_HELP_TABLE = "shortcutHelpTable"
CRASH_DIALOG = "crashDialog"
RESTORE_DIALOG = "restoreDialog"
SALVAGE_DIALOG = "salvageDialog"
DATABASE_TOO_NEW_DIALOG = "databaseTooNewDialog"
DEEP_CHECK_DIALOG = "deepCheckDialog"
STORAGE_DIALOG = "storageDialog"  # locked, disk full, read-only, I/O (retry or quit)

# Sync indicator (status bar)
SYNC_INDICATOR = "syncIndicator"
SYNC_STATE_LABEL = "syncStateLabel"
SYNC_CLOCK_WARNING = "syncClockWarning"
SYNC_NOW_BUTTON = "syncNowButton"

# Sign-in dialog
SIGNIN_DIALOG = "signInDialog"
SIGNIN_HUB_URL = "signInHubUrl"
SIGNIN_EMAIL = "signInEmail"
SIGNIN_PASSWORD = "signInPassword"
SIGNIN_ERROR = "signInError"

# Settings: HAI Hub page
SETTINGS_HUB_URL = "settingsHubUrl"
SETTINGS_CA_BUNDLE = "settingsCaBundle"
SETTINGS_PROXY = "settingsProxy"
SETTINGS_SYNC_INTERVAL = "settingsSyncInterval"

# KB suggestions beside the log form
KB_SUGGESTIONS_PANEL = "kbSuggestionsPanel"
KB_SUGGESTIONS_LIST = "kbSuggestionsList"
KB_SUGGESTIONS_INSERT = "kbSuggestionsInsertButton"
KB_SUGGESTIONS_STATUS = "kbSuggestionsStatus"

# Knowledge base (Basis Pengetahuan)
KB_VIEW = "kbView"
KB_SEARCH = "kbSearchEdit"
KB_DEPARTMENT = "kbDepartmentCombo"
KB_APPLICATION = "kbApplicationCombo"
KB_RESULTS = "kbResultsList"
KB_COUNT = "kbCountLabel"
KB_ENTRY_TITLE = "kbEntryTitle"
KB_ENTRY_BODY = "kbEntryBody"
KB_OUTDATED = "kbOutdatedMark"
KB_HELPFUL = "kbHelpfulButton"
KB_NOT_HELPFUL = "kbNotHelpfulButton"
KB_FEEDBACK_NOTE = "kbFeedbackNoteEdit"
KB_FEEDBACK_STATUS = "kbFeedbackStatus"
KB_USE_ANSWER = "kbUseAnswerButton"


def error_name(field_object_name: str) -> str:
    """The objectName of the inline error label under a form field."""
    return f"{field_object_name}Error"


# Names that must exist once the main window is built (checked by a test).
MAIN_WINDOW_REQUIRED = [
    MAIN_WINDOW,
    NAV_LIST,
    PAGE_STACK,
    STATUS_BAR,
    STATUS_MESSAGE,
    SYNC_INDICATOR_SLOT,
    SETTINGS_BUTTON,
    FORM_PAGE,
    FORM,
    FORM_SIDE_PANEL_SLOT,
    VISITOR_NAME,
    SATKER_CODE,
    INSTITUTION,
    PHONE,
    EMAIL,
    CHANNEL,
    DEPARTMENT,
    APPLICATION,
    QUESTION,
    ANSWER,
    REGULATION_INPUT,
    REGULATION_ADD,
    REGULATION_LIST,
    REGULATION_REMOVE,
    KB_BASIS_LIST,
    OUTCOME,
    OUT_OF_SCOPE_REASON,
    SERVED_START,
    SERVED_END,
    SAVE_BUTTON,
    NEW_VISITOR_BUTTON,
    KB_SUGGESTIONS_PANEL,
]
# Screens other than the first are built when first shown; then these exist.
KB_REQUIRED = [KB_VIEW, KB_SEARCH, KB_RESULTS]
HISTORY_REQUIRED = [
    HISTORY_VIEW,
    HISTORY_TABLE,
    HISTORY_SEARCH,
    HISTORY_DATE_FROM,
    HISTORY_DATE_TO,
    HISTORY_DATE_ENABLED,
    HISTORY_DEPARTMENT,
    HISTORY_CHANNEL,
    HISTORY_OUTCOME,
    HISTORY_OPEN,
    HISTORY_DUPLICATE,
    HISTORY_COUNT,
]
