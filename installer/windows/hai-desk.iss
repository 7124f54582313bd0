; Inno Setup 6 script for HAI Desk (build: installer\windows\build.ps1, which passes the
; version from pyproject.toml: iscc /DAppVersion=X.Y.Z installer\windows\hai-desk.iss).
;
; - Per user without administrator rights by default (a CSO can install it); IT staff get
;   "install for all users" from the dialog or with /ALLUSERS on the command line.
; - One fixed AppId: a newer installer upgrades in place (same folder, running desk closed
;   first, the old program files replaced).
; - Uninstall removes the program only: the user's data (profile, database, backups, logs in
;   %LOCALAPPDATA%\DJPb\HAI Desk) is never touched.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "HAI Desk"
#define AppExe "hai-desktop.exe"
#define Root "..\.."

[Setup]
AppId={{50163E51-7294-4372-9BA5-59501431DDC9}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Direktorat Jenderal Perbendaharaan
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#Root}\hai_desktop\resources\icons\hai-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
CloseApplications=yes
RestartApplications=no
OutputDir={#Root}\dist
OutputBaseFilename=HAI-Desk-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's files whole: nothing of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\hai-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller removes only what it installed.
