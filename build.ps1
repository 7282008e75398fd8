#!/usr/bin/env pwsh
# Thin wrapper over dotnet. Usage: ./build.ps1 [restore|build|test|run|demo|bench] [args...]
# (Without PowerShell, run the dotnet command shown for each target.)
param([string]$Target = "build", [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest)
$ErrorActionPreference = "Stop"
switch ($Target) {
  "restore" { dotnet tool restore; dotnet restore InvoicePipeline.sln }
  "build"   { dotnet build InvoicePipeline.sln -c Release }
  "test"    { bash tests/start-postgres.sh; $env:INVOICEPIPELINE_TEST_PG = "Host=localhost;Username=postgres;Password=postgres"; dotnet test InvoicePipeline.sln -c Release }
  "run"     { dotnet run --project src/InvoicePipeline.Worker -c Release -- @Rest }
  "demo"    { dotnet run --project src/InvoicePipeline.Worker -c Release -- demo }
  "bench"   { dotnet run --project tests/InvoicePipeline.Benchmarks -c Release -- @Rest }
  default   { throw "unknown target '$Target' (restore, build, test, run, demo, bench)" }
}
exit $LASTEXITCODE
