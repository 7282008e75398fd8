#!/usr/bin/env pwsh
# Thin wrapper over dotnet. Usage: ./build.ps1 [restore|build|test|run|demo|bench] [args...]
# (Without PowerShell, run the dotnet command shown for each target.)
param([string]$Target = "build", [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest)
$ErrorActionPreference = "Stop"
switch ($Target) {
  "restore" { dotnet tool restore; dotnet restore InvoicePipeline.sln }
  "build"   { dotnet build InvoicePipeline.sln -c Release }
  "test"    { bash tests/run-all.sh }
  "run"     { dotnet run --project src/InvoicePipeline.Worker -c Release -- @Rest }
  "demo"    { dotnet run --project src/InvoicePipeline.Worker -c Release -- demo }
  "bench"   { dotnet run --project tests/InvoicePipeline.Benchmarks -c Release -- @Rest }
  default   { throw "unknown target '$Target' (restore, build, test, run, demo, bench)" }
}
exit $LASTEXITCODE
