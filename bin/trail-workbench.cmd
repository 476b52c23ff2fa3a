@echo off
rem Runs Trail Workbench from this repository after "mvn -q -DskipTests package": with arguments the
rem command line (bin\trail-workbench --help), without them the window. JAVA_OPTS adds JVM options.
setlocal
set "jar="
for %%f in ("%~dp0..\target\trail-workbench-*.jar") do set "jar=%%~ff"
if not defined jar (
  echo trail-workbench: no jar in %~dp0..\target; build it first: mvn -q -DskipTests package 1>&2
  exit /b 1
)
set "java_cmd=java"
if defined JAVA_HOME set "java_cmd=%JAVA_HOME%\bin\java"
"%java_cmd%" %JAVA_OPTS% -jar "%jar%" %*
exit /b %ERRORLEVEL%
