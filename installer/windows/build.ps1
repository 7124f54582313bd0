# Build HAI Desk for Windows: the one-folder bundle (dist\hai-desktop\), its frozen
# self-check, then the Inno Setup installer (dist\HAI-Desk-Setup-<version>.exe).
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs Python 3.11 (py launcher) and Inno Setup 6 (iscc on PATH or in its default folder).
# The bundle is built in a desk-only virtualenv (.venv-bundle): no hub package, no test tool.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path ".venv-bundle\Scripts\python.exe")) { py -3.11 -m venv .venv-bundle }
$py = ".venv-bundle\Scripts\python.exe"
& $py -m pip install -q --upgrade pip
& $py -m pip install -q ".[bundle]" -c constraints.txt
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

& $py installer\build.py --check
if ($LASTEXITCODE -ne 0) { throw "bundle build or frozen self-check failed" }

$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc /Qp "/DAppVersion=$version" installer\windows\hai-desk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "installer: dist\HAI-Desk-Setup-$version.exe"
