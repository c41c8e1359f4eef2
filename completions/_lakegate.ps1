
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'lakegate' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'lakegate'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'lakegate' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('bucket', 'bucket', [CompletionResultType]::ParameterValue, 'Bucket policies: delegate to access points, show, history, rollback')
            [CompletionResult]::new('accesspoint', 'accesspoint', [CompletionResultType]::ParameterValue, 'S3 Access Points: one per consuming application, scoped to its prefix')
            [CompletionResult]::new('ap', 'ap', [CompletionResultType]::ParameterValue, 'S3 Access Points: one per consuming application, scoped to its prefix')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'Decide requests offline or online: is this principal allowed, and which statement decides?')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Prefix-level audit: who can read, write or list each prefix; reports on S3, queried with Athena')
            [CompletionResult]::new('endpoint', 'endpoint', [CompletionResultType]::ParameterValue, 'Private Athena: the interface VPC endpoint, lockdown of routes and a user''s policy, status')
            [CompletionResult]::new('vpce', 'vpce', [CompletionResultType]::ParameterValue, 'Private Athena: the interface VPC endpoint, lockdown of routes and a user''s policy, status')
            [CompletionResult]::new('athena', 'athena', [CompletionResultType]::ParameterValue, 'Run Athena queries and stream their results')
            [CompletionResult]::new('subscription', 'subscription', [CompletionResultType]::ParameterValue, 'DataZone subscriptions to unmanaged S3 assets: targets, grants, events, reconcile')
            [CompletionResult]::new('sub', 'sub', [CompletionResultType]::ParameterValue, 'DataZone subscriptions to unmanaged S3 assets: targets, grants, events, reconcile')
            [CompletionResult]::new('plugin', 'plugin', [CompletionResultType]::ParameterValue, 'Plugins: `lakegate-NAME` executables on PATH')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;bucket' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Delegate the bucket''s access control to the account''s access points')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, list the history of, or roll back the bucket policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;bucket;delegate' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;bucket;policy' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the bucket policy (a table of statements, or the document with -o json|yaml)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the documents lakegate kept before each overwrite')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept document (the latest by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;bucket;policy;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;bucket;policy;history' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;bucket;policy;rollback' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The version to restore (see `bucket policy history`); the latest by default')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;bucket;policy;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the bucket policy (a table of statements, or the document with -o json|yaml)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the documents lakegate kept before each overwrite')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept document (the latest by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;bucket;policy;help;get' {
            break
        }
        'lakegate;bucket;policy;help;history' {
            break
        }
        'lakegate;bucket;policy;help;rollback' {
            break
        }
        'lakegate;bucket;policy;help;help' {
            break
        }
        'lakegate;bucket;help' {
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Delegate the bucket''s access control to the account''s access points')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, list the history of, or roll back the bucket policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;bucket;help;delegate' {
            break
        }
        'lakegate;bucket;help;policy' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the bucket policy (a table of statements, or the document with -o json|yaml)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the documents lakegate kept before each overwrite')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept document (the latest by default)')
            break
        }
        'lakegate;bucket;help;policy;get' {
            break
        }
        'lakegate;bucket;help;policy;history' {
            break
        }
        'lakegate;bucket;help;policy;rollback' {
            break
        }
        'lakegate;bucket;help;help' {
            break
        }
        'lakegate;accesspoint' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an access point whose policy grants principals one prefix, least privilege')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List access points with the prefixes and principals their policies grant')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List access points with the prefixes and principals their policies grant')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one access point: details, grants and policy')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an access point (asks on a terminal; --yes in scripts)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete an access point (asks on a terminal; --yes in scripts)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant principals access to a prefix through an existing access point')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove principals'' grants from an access point''s policy')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the policies lakegate kept before each change of this access point')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept access point policy (the latest by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;ap' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an access point whose policy grants principals one prefix, least privilege')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List access points with the prefixes and principals their policies grant')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List access points with the prefixes and principals their policies grant')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one access point: details, grants and policy')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an access point (asks on a terminal; --yes in scripts)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete an access point (asks on a terminal; --yes in scripts)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant principals access to a prefix through an existing access point')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove principals'' grants from an access point''s policy')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the policies lakegate kept before each change of this access point')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept access point policy (the latest by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;accesspoint;create' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'The bucket the access point serves')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'The key prefix to grant (a trailing ''/'' is added when missing)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'IAM role, user or account (ARN or 12-digit id) to grant; repeatable')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What the principals may do under the prefix')
            [CompletionResult]::new('--vpc-id', '--vpc-id', [CompletionResultType]::ParameterName, 'Accept requests only from this VPC (network origin VPC)')
            [CompletionResult]::new('--block-public-access', '--block-public-access', [CompletionResultType]::ParameterName, 'Block public access settings: all (default), none, or a comma-separated list of block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;create' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'The bucket the access point serves')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'The key prefix to grant (a trailing ''/'' is added when missing)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'IAM role, user or account (ARN or 12-digit id) to grant; repeatable')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What the principals may do under the prefix')
            [CompletionResult]::new('--vpc-id', '--vpc-id', [CompletionResultType]::ParameterName, 'Accept requests only from this VPC (network origin VPC)')
            [CompletionResult]::new('--block-public-access', '--block-public-access', [CompletionResultType]::ParameterName, 'Block public access settings: all (default), none, or a comma-separated list of block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;list' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'Only the access points of this bucket')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many policies to fetch at once')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-policies', '--no-policies', [CompletionResultType]::ParameterName, 'Do not read each access point''s policy (no PREFIXES/PRINCIPALS; one call per page)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;ls' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'Only the access points of this bucket')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many policies to fetch at once')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-policies', '--no-policies', [CompletionResultType]::ParameterName, 'Do not read each access point''s policy (no PREFIXES/PRINCIPALS; one call per page)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;list' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'Only the access points of this bucket')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many policies to fetch at once')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-policies', '--no-policies', [CompletionResultType]::ParameterName, 'Do not read each access point''s policy (no PREFIXES/PRINCIPALS; one call per page)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;ls' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'Only the access points of this bucket')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many policies to fetch at once')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-policies', '--no-policies', [CompletionResultType]::ParameterName, 'Do not read each access point''s policy (no PREFIXES/PRINCIPALS; one call per page)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;get' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;rm' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;rm' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;grant' {
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'IAM role, user or account (ARN or 12-digit id); repeatable')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'The key prefix (a trailing ''/'' is added when missing)')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What the principals may do under the prefix')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;grant' {
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'IAM role, user or account (ARN or 12-digit id); repeatable')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'The key prefix (a trailing ''/'' is added when missing)')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What the principals may do under the prefix')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;revoke' {
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'IAM role, user or account (ARN or 12-digit id); repeatable')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only the grant on this prefix')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'Only this part of the grant (default: all of it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;revoke' {
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'IAM role, user or account (ARN or 12-digit id); repeatable')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only the grant on this prefix')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'Only this part of the grant (default: all of it)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;history' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;history' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;rollback' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The version to restore (see `accesspoint history`); the latest by default')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;ap;rollback' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The version to restore (see `accesspoint history`); the latest by default')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;accesspoint;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an access point whose policy grants principals one prefix, least privilege')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List access points with the prefixes and principals their policies grant')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one access point: details, grants and policy')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an access point (asks on a terminal; --yes in scripts)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant principals access to a prefix through an existing access point')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove principals'' grants from an access point''s policy')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the policies lakegate kept before each change of this access point')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept access point policy (the latest by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;accesspoint;help;create' {
            break
        }
        'lakegate;accesspoint;help;list' {
            break
        }
        'lakegate;accesspoint;help;get' {
            break
        }
        'lakegate;accesspoint;help;delete' {
            break
        }
        'lakegate;accesspoint;help;grant' {
            break
        }
        'lakegate;accesspoint;help;revoke' {
            break
        }
        'lakegate;accesspoint;help;history' {
            break
        }
        'lakegate;accesspoint;help;rollback' {
            break
        }
        'lakegate;accesspoint;help;help' {
            break
        }
        'lakegate;ap;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an access point whose policy grants principals one prefix, least privilege')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List access points with the prefixes and principals their policies grant')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one access point: details, grants and policy')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an access point (asks on a terminal; --yes in scripts)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant principals access to a prefix through an existing access point')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove principals'' grants from an access point''s policy')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the policies lakegate kept before each change of this access point')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept access point policy (the latest by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;ap;help;create' {
            break
        }
        'lakegate;ap;help;list' {
            break
        }
        'lakegate;ap;help;get' {
            break
        }
        'lakegate;ap;help;delete' {
            break
        }
        'lakegate;ap;help;grant' {
            break
        }
        'lakegate;ap;help;revoke' {
            break
        }
        'lakegate;ap;help;history' {
            break
        }
        'lakegate;ap;help;rollback' {
            break
        }
        'lakegate;ap;help;help' {
            break
        }
        'lakegate;access' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Is this principal allowed this action on this key (through this access point)? Exit 0 if allowed, 3 if denied')
            [CompletionResult]::new('matrix', 'matrix', [CompletionResultType]::ParameterValue, 'Principal × prefix × read/write/list, through each access point and the bucket directly')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;access;check' {
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'The principal: an IAM role, user or STS session ARN, or an account id')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'The action, e.g. s3:GetObject, s3:PutObject, s3:ListBucket')
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'The bucket')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'The object key (object actions such as s3:GetObject)')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'The listing prefix (bucket actions such as s3:ListBucket; sets s3:prefix)')
            [CompletionResult]::new('--access-point', '--access-point', [CompletionResultType]::ParameterName, 'Make the request through this access point')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A request context value, KEY=VALUE (repeatable; a repeated key is multivalued), e.g. aws:SourceVpce=vpce-1a2b, aws:SourceIp=10.0.0.1, aws:CalledVia=athena.amazonaws.com. aws:SecureTransport is true unless given')
            [CompletionResult]::new('--principal-tag', '--principal-tag', [CompletionResultType]::ParameterName, 'Principal tag, KEY=VALUE (repeatable; for aws:PrincipalTag/KEY)')
            [CompletionResult]::new('--bucket-policy', '--bucket-policy', [CompletionResultType]::ParameterName, 'Offline: the bucket policy from FILE (`-` reads stdin)')
            [CompletionResult]::new('--access-point-policy', '--access-point-policy', [CompletionResultType]::ParameterName, 'Offline: the access point policy from FILE (`-` reads stdin)')
            [CompletionResult]::new('--identity-policy', '--identity-policy', [CompletionResultType]::ParameterName, 'Offline: an identity policy of the principal from FILE (repeatable; `-` reads stdin)')
            [CompletionResult]::new('--bucket-owner', '--bucket-owner', [CompletionResultType]::ParameterName, 'Offline: the account that owns the bucket (default: --account-id, else the access point''s account, else the principal''s)')
            [CompletionResult]::new('--scp', '--scp', [CompletionResultType]::ParameterName, 'A service control policy level from FILE (repeatable, one per level from the organization root to the principal''s account; every level must allow). Online: read from AWS Organizations')
            [CompletionResult]::new('--rcp', '--rcp', [CompletionResultType]::ParameterName, 'A resource control policy level from FILE (repeatable, root to the bucket owner''s account; RCPs only deny). Online: read from AWS Organizations')
            [CompletionResult]::new('--management-account', '--management-account', [CompletionResultType]::ParameterName, 'The organization''s management account: SCPs do not apply to its principals, RCPs not to its resources (online: from Organizations)')
            [CompletionResult]::new('--permission-boundary', '--permission-boundary', [CompletionResultType]::ParameterName, 'The principal''s permissions boundary from FILE (for a role session: its role''s). Online: from IAM GetRole/GetUser')
            [CompletionResult]::new('--session-policy', '--session-policy', [CompletionResultType]::ParameterName, 'The session policy of a role session or federated user from FILE')
            [CompletionResult]::new('--vpc-endpoint-policy', '--vpc-endpoint-policy', [CompletionResultType]::ParameterName, 'The request goes through a VPC endpoint with the policy in FILE. Online: read from EC2 for the endpoint --context aws:SourceVpce=vpce-… names')
            [CompletionResult]::new('--public-access-block', '--public-access-block', [CompletionResultType]::ParameterName, 'S3 Block Public Access settings, SCOPE=FILE with SCOPE account, bucket or access-point and FILE the JSON `get-public-access-block` prints (or its PublicAccessBlockConfiguration) (repeatable). Online: read from S3 and S3 Control')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--anonymous', '--anonymous', [CompletionResultType]::ParameterName, 'An unauthenticated request instead of --principal: allowed only by a resource policy that names "*", never through an access point')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;access;matrix' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'The bucket (offline: default from the bucket policy''s resources)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'A principal ARN (repeatable; default: those the policies name)')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'A prefix (repeatable; default: those the policies name)')
            [CompletionResult]::new('--access-point', '--access-point', [CompletionResultType]::ParameterName, 'Only through these access points (repeatable; default: all of the bucket''s)')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'A request context value, KEY=VALUE (repeatable), as for `access check`')
            [CompletionResult]::new('--bucket-policy', '--bucket-policy', [CompletionResultType]::ParameterName, 'Offline: the bucket policy from FILE (`-` reads stdin)')
            [CompletionResult]::new('--access-point-policy', '--access-point-policy', [CompletionResultType]::ParameterName, 'Offline: an access point policy, [NAME=]FILE (repeatable; the name defaults to the access point its resources name)')
            [CompletionResult]::new('--identity-policy', '--identity-policy', [CompletionResultType]::ParameterName, 'Offline: an identity policy, [PRINCIPAL=]FILE (repeatable; without PRINCIPAL it applies to every principal)')
            [CompletionResult]::new('--bucket-owner', '--bucket-owner', [CompletionResultType]::ParameterName, 'Offline: the account that owns the bucket (default: --account-id, else the access points'' account)')
            [CompletionResult]::new('--scp', '--scp', [CompletionResultType]::ParameterName, 'A service control policy level from FILE (repeatable, one per level from the organization root to the principal''s account; every level must allow). Online: read from AWS Organizations')
            [CompletionResult]::new('--rcp', '--rcp', [CompletionResultType]::ParameterName, 'A resource control policy level from FILE (repeatable, root to the bucket owner''s account; RCPs only deny). Online: read from AWS Organizations')
            [CompletionResult]::new('--management-account', '--management-account', [CompletionResultType]::ParameterName, 'The organization''s management account: SCPs do not apply to its principals, RCPs not to its resources (online: from Organizations)')
            [CompletionResult]::new('--permission-boundary', '--permission-boundary', [CompletionResultType]::ParameterName, 'The principal''s permissions boundary from FILE (for a role session: its role''s). Online: from IAM GetRole/GetUser')
            [CompletionResult]::new('--session-policy', '--session-policy', [CompletionResultType]::ParameterName, 'The session policy of a role session or federated user from FILE')
            [CompletionResult]::new('--vpc-endpoint-policy', '--vpc-endpoint-policy', [CompletionResultType]::ParameterName, 'The request goes through a VPC endpoint with the policy in FILE. Online: read from EC2 for the endpoint --context aws:SourceVpce=vpce-… names')
            [CompletionResult]::new('--public-access-block', '--public-access-block', [CompletionResultType]::ParameterName, 'S3 Block Public Access settings, SCOPE=FILE with SCOPE account, bucket or access-point and FILE the JSON `get-public-access-block` prints (or its PublicAccessBlockConfiguration) (repeatable). Online: read from S3 and S3 Control')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-direct', '--no-direct', [CompletionResultType]::ParameterName, 'Leave out the rows for requests to the bucket directly')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;access;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Is this principal allowed this action on this key (through this access point)? Exit 0 if allowed, 3 if denied')
            [CompletionResult]::new('matrix', 'matrix', [CompletionResultType]::ParameterValue, 'Principal × prefix × read/write/list, through each access point and the bucket directly')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;access;help;check' {
            break
        }
        'lakegate;access;help;matrix' {
            break
        }
        'lakegate;access;help;help' {
            break
        }
        'lakegate;audit' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Report who can read, write or list each prefix: per principal, bucket, prefix and access point; optionally upload it (and the raw findings) to S3 and create its Athena table')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Query the uploaded reports with Athena (e.g. everything an external account can reach)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;audit;report' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'A bucket to audit (repeatable)')
            [CompletionResult]::new('--analyzer-arn', '--analyzer-arn', [CompletionResultType]::ParameterName, 'An IAM Access Analyzer: its findings for S3 buckets (ListFindingsV2, every page) are matched to the rows and archived with --upload')
            [CompletionResult]::new('--trusted-account', '--trusted-account', [CompletionResultType]::ParameterName, 'An account whose principals are not external (repeatable; the bucket owner never is)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many AWS requests to have in flight at once')
            [CompletionResult]::new('--upload', '--upload', [CompletionResultType]::ParameterName, 'Upload the report (CSV) and the raw findings (JSON) under s3://BUCKET/PREFIX/')
            [CompletionResult]::new('--create-table', '--create-table', [CompletionResultType]::ParameterName, 'Create the Athena database and external table over the uploaded reports (needs --upload)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Athena workgroup for --create-table (default: primary)')
            [CompletionResult]::new('--output-location', '--output-location', [CompletionResultType]::ParameterName, 'Where Athena writes --create-table''s results (default: s3://BUCKET/PREFIX/athena-results/ of --upload)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--all-buckets', '--all-buckets', [CompletionResultType]::ParameterName, 'Audit every bucket of the account in the region')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;audit;query' {
            [CompletionResult]::new('--external-account', '--external-account', [CompletionResultType]::ParameterName, 'Only rows of this external account''s principals')
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'Only rows of this bucket')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'Only rows of this principal (an ARN, or `*` for everyone)')
            [CompletionResult]::new('--access-point', '--access-point', [CompletionResultType]::ParameterName, 'Only rows through this access point')
            [CompletionResult]::new('--dt', '--dt', [CompletionResultType]::ParameterName, 'The report of this day, YYYY-MM-DD (default: the latest)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Athena workgroup (default: primary)')
            [CompletionResult]::new('--output-location', '--output-location', [CompletionResultType]::ParameterName, 'Where Athena writes the results (s3://BUCKET/PREFIX/), unless the workgroup sets it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--external', '--external', [CompletionResultType]::ParameterName, 'Only rows of external principals (any account, or everyone)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;audit;help' {
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Report who can read, write or list each prefix: per principal, bucket, prefix and access point; optionally upload it (and the raw findings) to S3 and create its Athena table')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Query the uploaded reports with Athena (e.g. everything an external account can reach)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;audit;help;report' {
            break
        }
        'lakegate;audit;help;query' {
            break
        }
        'lakegate;audit;help;help' {
            break
        }
        'lakegate;endpoint' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444')
            [CompletionResult]::new('lockdown', 'lockdown', [CompletionResultType]::ParameterValue, 'Remove internet routes from private route tables and condition a user''s policy on the endpoint')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Put back the routes and the policy a lockdown changed')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check a lockdown: exit 0 when locked down, 3 otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;vpce' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444')
            [CompletionResult]::new('lockdown', 'lockdown', [CompletionResultType]::ParameterValue, 'Remove internet routes from private route tables and condition a user''s policy on the endpoint')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Put back the routes and the policy a lockdown changed')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check a lockdown: exit 0 when locked down, 3 otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;endpoint;create' {
            [CompletionResult]::new('--vpc-id', '--vpc-id', [CompletionResultType]::ParameterName, 'The VPC to create the endpoint in')
            [CompletionResult]::new('--subnet', '--subnet', [CompletionResultType]::ParameterName, 'A subnet for the endpoint''s network interfaces; repeatable (one per Availability Zone)')
            [CompletionResult]::new('--security-group', '--security-group', [CompletionResultType]::ParameterName, 'Attach this existing security group; repeatable')
            [CompletionResult]::new('--allow-cidr', '--allow-cidr', [CompletionResultType]::ParameterName, 'Create a security group admitting TCP 443 and 444 from this CIDR; repeatable')
            [CompletionResult]::new('--output-location', '--output-location', [CompletionResultType]::ParameterName, 'The S3 location for query results, filled into the JDBC URL template')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the endpoint to become available after this many seconds')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--private-dns', '--private-dns', [CompletionResultType]::ParameterName, 'Enable private DNS (off by default: clients use the endpoint''s own DNS name)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;vpce;create' {
            [CompletionResult]::new('--vpc-id', '--vpc-id', [CompletionResultType]::ParameterName, 'The VPC to create the endpoint in')
            [CompletionResult]::new('--subnet', '--subnet', [CompletionResultType]::ParameterName, 'A subnet for the endpoint''s network interfaces; repeatable (one per Availability Zone)')
            [CompletionResult]::new('--security-group', '--security-group', [CompletionResultType]::ParameterName, 'Attach this existing security group; repeatable')
            [CompletionResult]::new('--allow-cidr', '--allow-cidr', [CompletionResultType]::ParameterName, 'Create a security group admitting TCP 443 and 444 from this CIDR; repeatable')
            [CompletionResult]::new('--output-location', '--output-location', [CompletionResultType]::ParameterName, 'The S3 location for query results, filled into the JDBC URL template')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting for the endpoint to become available after this many seconds')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--private-dns', '--private-dns', [CompletionResultType]::ParameterName, 'Enable private DNS (off by default: clients use the endpoint''s own DNS name)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;endpoint;lockdown' {
            [CompletionResult]::new('--vpce', '--vpce', [CompletionResultType]::ParameterName, 'The Athena interface endpoint (vpce-…)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The IAM user whose inline policy is conditioned')
            [CompletionResult]::new('--policy-name', '--policy-name', [CompletionResultType]::ParameterName, 'The inline policy to rewrite (default: the user''s only inline policy)')
            [CompletionResult]::new('--subnet', '--subnet', [CompletionResultType]::ParameterName, 'A private subnet: the route table serving it loses its internet routes; repeatable')
            [CompletionResult]::new('--route-table', '--route-table', [CompletionResultType]::ParameterName, 'A private route table to remove internet routes from; repeatable')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Lock down even the identity lakegate runs as')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;vpce;lockdown' {
            [CompletionResult]::new('--vpce', '--vpce', [CompletionResultType]::ParameterName, 'The Athena interface endpoint (vpce-…)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The IAM user whose inline policy is conditioned')
            [CompletionResult]::new('--policy-name', '--policy-name', [CompletionResultType]::ParameterName, 'The inline policy to rewrite (default: the user''s only inline policy)')
            [CompletionResult]::new('--subnet', '--subnet', [CompletionResultType]::ParameterName, 'A private subnet: the route table serving it loses its internet routes; repeatable')
            [CompletionResult]::new('--route-table', '--route-table', [CompletionResultType]::ParameterName, 'A private route table to remove internet routes from; repeatable')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Lock down even the identity lakegate runs as')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;endpoint;unlock' {
            [CompletionResult]::new('--vpce', '--vpce', [CompletionResultType]::ParameterName, 'The endpoint the user was locked down to (vpce-…)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The IAM user that was locked down')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;vpce;unlock' {
            [CompletionResult]::new('--vpce', '--vpce', [CompletionResultType]::ParameterName, 'The endpoint the user was locked down to (vpce-…)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The IAM user that was locked down')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;endpoint;status' {
            [CompletionResult]::new('--vpce', '--vpce', [CompletionResultType]::ParameterName, 'The Athena interface endpoint (vpce-…)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Also check this IAM user''s inline policies')
            [CompletionResult]::new('--policy-name', '--policy-name', [CompletionResultType]::ParameterName, 'Only this inline policy of the user (default: all of them)')
            [CompletionResult]::new('--subnet', '--subnet', [CompletionResultType]::ParameterName, 'Private subnets that must have no internet route (default: the endpoint''s subnets); repeatable')
            [CompletionResult]::new('--allow-cidr', '--allow-cidr', [CompletionResultType]::ParameterName, 'CIDRs that must reach 443 and 444 (default: at least one CIDR must); repeatable')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;vpce;status' {
            [CompletionResult]::new('--vpce', '--vpce', [CompletionResultType]::ParameterName, 'The Athena interface endpoint (vpce-…)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Also check this IAM user''s inline policies')
            [CompletionResult]::new('--policy-name', '--policy-name', [CompletionResultType]::ParameterName, 'Only this inline policy of the user (default: all of them)')
            [CompletionResult]::new('--subnet', '--subnet', [CompletionResultType]::ParameterName, 'Private subnets that must have no internet route (default: the endpoint''s subnets); repeatable')
            [CompletionResult]::new('--allow-cidr', '--allow-cidr', [CompletionResultType]::ParameterName, 'CIDRs that must reach 443 and 444 (default: at least one CIDR must); repeatable')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;endpoint;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444')
            [CompletionResult]::new('lockdown', 'lockdown', [CompletionResultType]::ParameterValue, 'Remove internet routes from private route tables and condition a user''s policy on the endpoint')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Put back the routes and the policy a lockdown changed')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check a lockdown: exit 0 when locked down, 3 otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;endpoint;help;create' {
            break
        }
        'lakegate;endpoint;help;lockdown' {
            break
        }
        'lakegate;endpoint;help;unlock' {
            break
        }
        'lakegate;endpoint;help;status' {
            break
        }
        'lakegate;endpoint;help;help' {
            break
        }
        'lakegate;vpce;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444')
            [CompletionResult]::new('lockdown', 'lockdown', [CompletionResultType]::ParameterValue, 'Remove internet routes from private route tables and condition a user''s policy on the endpoint')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Put back the routes and the policy a lockdown changed')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check a lockdown: exit 0 when locked down, 3 otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;vpce;help;create' {
            break
        }
        'lakegate;vpce;help;lockdown' {
            break
        }
        'lakegate;vpce;help;unlock' {
            break
        }
        'lakegate;vpce;help;status' {
            break
        }
        'lakegate;vpce;help;help' {
            break
        }
        'lakegate;athena' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Run a query and stream its results (table, CSV, JSON or YAML)')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Fetch the results of a query started earlier (e.g. with --no-wait)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;athena;query' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read the SQL from this file (''-'' for stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the SQL from this file (''-'' for stdin)')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Database (schema) the query runs in')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Data catalog (default: AwsDataCatalog)')
            [CompletionResult]::new('--workgroup', '--workgroup', [CompletionResultType]::ParameterName, 'Workgroup (default: primary)')
            [CompletionResult]::new('--output-location', '--output-location', [CompletionResultType]::ParameterName, 'Where Athena writes the results (s3://BUCKET/PREFIX/), unless the workgroup sets it')
            [CompletionResult]::new('--param', '--param', [CompletionResultType]::ParameterName, 'A value for the query''s next `?` placeholder; repeatable, in order')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Print the execution id and return at once (fetch later with `lakegate athena results ID`)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;athena;results' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;athena;help' {
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Run a query and stream its results (table, CSV, JSON or YAML)')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Fetch the results of a query started earlier (e.g. with --no-wait)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;athena;help;query' {
            break
        }
        'lakegate;athena;help;results' {
            break
        }
        'lakegate;athena;help;help' {
            break
        }
        'lakegate;subscription' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('target', 'target', [CompletionResultType]::ParameterValue, 'DataZone subscription targets: who an environment''s subscriptions are granted to')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant a subscription''s principals access to its S3 asset (least privilege)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove a subscription''s grant, whatever its target says today')
            [CompletionResult]::new('handle-event', 'handle-event', [CompletionResultType]::ParameterValue, 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Compare the domain''s subscriptions with the grants in place; add missing, remove left over')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domain''s subscriptions to S3 assets and whether each grant is in place')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the domain''s subscriptions to S3 assets and whether each grant is in place')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;sub' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('target', 'target', [CompletionResultType]::ParameterValue, 'DataZone subscription targets: who an environment''s subscriptions are granted to')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant a subscription''s principals access to its S3 asset (least privilege)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove a subscription''s grant, whatever its target says today')
            [CompletionResult]::new('handle-event', 'handle-event', [CompletionResultType]::ParameterValue, 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Compare the domain''s subscriptions with the grants in place; add missing, remove left over')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domain''s subscriptions to S3 assets and whether each grant is in place')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the domain''s subscriptions to S3 assets and whether each grant is in place')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;subscription;target' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;subscription;target;create' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Environment id of the consuming project')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the subscription target')
            [CompletionResult]::new('--manage-access-role', '--manage-access-role', [CompletionResultType]::ParameterName, 'The role DataZone uses to manage access (the environment role)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'Principal (role ARN) to grant subscriptions to; repeatable')
            [CompletionResult]::new('--asset-type', '--asset-type', [CompletionResultType]::ParameterName, 'Asset types the target applies to; repeatable')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider name')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Subscription target type')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A configuration form, FORM=JSON (e.g. GlueSubscriptionTargetConfigForm={"databaseName":"db"}); repeatable')
            [CompletionResult]::new('--from-json', '--from-json', [CompletionResultType]::ParameterName, 'Read the whole request from this JSON file (''-'' is stdin), as `--cli-input-json` does')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;target;list' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'One environment')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Every environment of this project')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;target;ls' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'One environment')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Every environment of this project')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;target;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;subscription;target;help;create' {
            break
        }
        'lakegate;subscription;target;help;list' {
            break
        }
        'lakegate;subscription;target;help;help' {
            break
        }
        'lakegate;sub;target' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;sub;target;create' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'Environment id of the consuming project')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name of the subscription target')
            [CompletionResult]::new('--manage-access-role', '--manage-access-role', [CompletionResultType]::ParameterName, 'The role DataZone uses to manage access (the environment role)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'Principal (role ARN) to grant subscriptions to; repeatable')
            [CompletionResult]::new('--asset-type', '--asset-type', [CompletionResultType]::ParameterName, 'Asset types the target applies to; repeatable')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider name')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Subscription target type')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'A configuration form, FORM=JSON (e.g. GlueSubscriptionTargetConfigForm={"databaseName":"db"}); repeatable')
            [CompletionResult]::new('--from-json', '--from-json', [CompletionResultType]::ParameterName, 'Read the whole request from this JSON file (''-'' is stdin), as `--cli-input-json` does')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;target;list' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'One environment')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Every environment of this project')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;target;ls' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--environment', '--environment', [CompletionResultType]::ParameterName, 'One environment')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Every environment of this project')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;target;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;sub;target;help;create' {
            break
        }
        'lakegate;sub;target;help;list' {
            break
        }
        'lakegate;sub;target;help;help' {
            break
        }
        'lakegate;subscription;grant' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'Subscription request id')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Where grants are written')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What a grant allows')
            [CompletionResult]::new('--actions', '--actions', [CompletionResultType]::ParameterName, 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset''s owning project''s environments')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;grant' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'Subscription request id')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Where grants are written')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What a grant allows')
            [CompletionResult]::new('--actions', '--actions', [CompletionResultType]::ParameterName, 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset''s owning project''s environments')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;revoke' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'Subscription request id')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Where grants are written')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What a grant allows')
            [CompletionResult]::new('--actions', '--actions', [CompletionResultType]::ParameterName, 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset''s owning project''s environments')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;revoke' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'Subscription request id')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Where grants are written')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What a grant allows')
            [CompletionResult]::new('--actions', '--actions', [CompletionResultType]::ParameterName, 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset''s owning project''s environments')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;handle-event' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the event from this file instead of stdin (''-'' is stdin)')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Where grants are written')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What a grant allows')
            [CompletionResult]::new('--actions', '--actions', [CompletionResultType]::ParameterName, 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset''s owning project''s environments')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;handle-event' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the event from this file instead of stdin (''-'' is stdin)')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Where grants are written')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What a grant allows')
            [CompletionResult]::new('--actions', '--actions', [CompletionResultType]::ParameterName, 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset''s owning project''s environments')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;reconcile' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only the subscriptions of this (subscribing) project')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Where grants are written')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What a grant allows')
            [CompletionResult]::new('--actions', '--actions', [CompletionResultType]::ParameterName, 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset''s owning project''s environments')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;reconcile' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only the subscriptions of this (subscribing) project')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'Where grants are written')
            [CompletionResult]::new('--access', '--access', [CompletionResultType]::ParameterName, 'What a grant allows')
            [CompletionResult]::new('--actions', '--actions', [CompletionResultType]::ParameterName, 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset''s owning project''s environments')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;list' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only the subscriptions of this (subscribing) project')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Read buckets of ACCOUNT through this role there (repeatable)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;ls' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only the subscriptions of this (subscribing) project')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Read buckets of ACCOUNT through this role there (repeatable)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;list' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only the subscriptions of this (subscribing) project')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Read buckets of ACCOUNT through this role there (repeatable)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;sub;ls' {
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'DataZone domain id (dzd_…)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only the subscriptions of this (subscribing) project')
            [CompletionResult]::new('--account-role', '--account-role', [CompletionResultType]::ParameterName, 'Read buckets of ACCOUNT through this role there (repeatable)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;subscription;help' {
            [CompletionResult]::new('target', 'target', [CompletionResultType]::ParameterValue, 'DataZone subscription targets: who an environment''s subscriptions are granted to')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant a subscription''s principals access to its S3 asset (least privilege)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove a subscription''s grant, whatever its target says today')
            [CompletionResult]::new('handle-event', 'handle-event', [CompletionResultType]::ParameterValue, 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Compare the domain''s subscriptions with the grants in place; add missing, remove left over')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domain''s subscriptions to S3 assets and whether each grant is in place')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;subscription;help;target' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            break
        }
        'lakegate;subscription;help;target;create' {
            break
        }
        'lakegate;subscription;help;target;list' {
            break
        }
        'lakegate;subscription;help;grant' {
            break
        }
        'lakegate;subscription;help;revoke' {
            break
        }
        'lakegate;subscription;help;handle-event' {
            break
        }
        'lakegate;subscription;help;reconcile' {
            break
        }
        'lakegate;subscription;help;list' {
            break
        }
        'lakegate;subscription;help;help' {
            break
        }
        'lakegate;sub;help' {
            [CompletionResult]::new('target', 'target', [CompletionResultType]::ParameterValue, 'DataZone subscription targets: who an environment''s subscriptions are granted to')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant a subscription''s principals access to its S3 asset (least privilege)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove a subscription''s grant, whatever its target says today')
            [CompletionResult]::new('handle-event', 'handle-event', [CompletionResultType]::ParameterValue, 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Compare the domain''s subscriptions with the grants in place; add missing, remove left over')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domain''s subscriptions to S3 assets and whether each grant is in place')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;sub;help;target' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            break
        }
        'lakegate;sub;help;target;create' {
            break
        }
        'lakegate;sub;help;target;list' {
            break
        }
        'lakegate;sub;help;grant' {
            break
        }
        'lakegate;sub;help;revoke' {
            break
        }
        'lakegate;sub;help;handle-event' {
            break
        }
        'lakegate;sub;help;reconcile' {
            break
        }
        'lakegate;sub;help;list' {
            break
        }
        'lakegate;sub;help;help' {
            break
        }
        'lakegate;plugin' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List `lakegate-NAME` executables on PATH, and warn about shadowed ones')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List `lakegate-NAME` executables on PATH, and warn about shadowed ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;plugin;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;plugin;ls' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;plugin;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List `lakegate-NAME` executables on PATH, and warn about shadowed ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;plugin;help;list' {
            break
        }
        'lakegate;plugin;help;help' {
            break
        }
        'lakegate;completion' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region [env: AWS_REGION]')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]')
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)')
            [CompletionResult]::new('--assume-role', '--assume-role', [CompletionResultType]::ParameterName, 'Assume this IAM role before making any call')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is respected under auto)')
            [CompletionResult]::new('--lock-bucket', '--lock-bucket', [CompletionResultType]::ParameterName, 'Bucket that holds the lease serialising policy writes (default: the governed bucket)')
            [CompletionResult]::new('--dynamic', '--dynamic', [CompletionResultType]::ParameterName, 'Print the script that completes names dynamically by calling lakegate')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Omit the header row of tables and CSV')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (and the data asked for)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr: -v operations, -vv every AWS request, -vvv everything')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars or spinners')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change, as a diff, and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required for destructive changes in scripts)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lakegate;help' {
            [CompletionResult]::new('bucket', 'bucket', [CompletionResultType]::ParameterValue, 'Bucket policies: delegate to access points, show, history, rollback')
            [CompletionResult]::new('accesspoint', 'accesspoint', [CompletionResultType]::ParameterValue, 'S3 Access Points: one per consuming application, scoped to its prefix')
            [CompletionResult]::new('access', 'access', [CompletionResultType]::ParameterValue, 'Decide requests offline or online: is this principal allowed, and which statement decides?')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Prefix-level audit: who can read, write or list each prefix; reports on S3, queried with Athena')
            [CompletionResult]::new('endpoint', 'endpoint', [CompletionResultType]::ParameterValue, 'Private Athena: the interface VPC endpoint, lockdown of routes and a user''s policy, status')
            [CompletionResult]::new('athena', 'athena', [CompletionResultType]::ParameterValue, 'Run Athena queries and stream their results')
            [CompletionResult]::new('subscription', 'subscription', [CompletionResultType]::ParameterValue, 'DataZone subscriptions to unmanaged S3 assets: targets, grants, events, reconcile')
            [CompletionResult]::new('plugin', 'plugin', [CompletionResultType]::ParameterValue, 'Plugins: `lakegate-NAME` executables on PATH')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lakegate;help;bucket' {
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Delegate the bucket''s access control to the account''s access points')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, list the history of, or roll back the bucket policy')
            break
        }
        'lakegate;help;bucket;delegate' {
            break
        }
        'lakegate;help;bucket;policy' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show the bucket policy (a table of statements, or the document with -o json|yaml)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the documents lakegate kept before each overwrite')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept document (the latest by default)')
            break
        }
        'lakegate;help;bucket;policy;get' {
            break
        }
        'lakegate;help;bucket;policy;history' {
            break
        }
        'lakegate;help;bucket;policy;rollback' {
            break
        }
        'lakegate;help;accesspoint' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an access point whose policy grants principals one prefix, least privilege')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List access points with the prefixes and principals their policies grant')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one access point: details, grants and policy')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an access point (asks on a terminal; --yes in scripts)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant principals access to a prefix through an existing access point')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove principals'' grants from an access point''s policy')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the policies lakegate kept before each change of this access point')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Restore a kept access point policy (the latest by default)')
            break
        }
        'lakegate;help;accesspoint;create' {
            break
        }
        'lakegate;help;accesspoint;list' {
            break
        }
        'lakegate;help;accesspoint;get' {
            break
        }
        'lakegate;help;accesspoint;delete' {
            break
        }
        'lakegate;help;accesspoint;grant' {
            break
        }
        'lakegate;help;accesspoint;revoke' {
            break
        }
        'lakegate;help;accesspoint;history' {
            break
        }
        'lakegate;help;accesspoint;rollback' {
            break
        }
        'lakegate;help;access' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Is this principal allowed this action on this key (through this access point)? Exit 0 if allowed, 3 if denied')
            [CompletionResult]::new('matrix', 'matrix', [CompletionResultType]::ParameterValue, 'Principal × prefix × read/write/list, through each access point and the bucket directly')
            break
        }
        'lakegate;help;access;check' {
            break
        }
        'lakegate;help;access;matrix' {
            break
        }
        'lakegate;help;audit' {
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Report who can read, write or list each prefix: per principal, bucket, prefix and access point; optionally upload it (and the raw findings) to S3 and create its Athena table')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Query the uploaded reports with Athena (e.g. everything an external account can reach)')
            break
        }
        'lakegate;help;audit;report' {
            break
        }
        'lakegate;help;audit;query' {
            break
        }
        'lakegate;help;endpoint' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444')
            [CompletionResult]::new('lockdown', 'lockdown', [CompletionResultType]::ParameterValue, 'Remove internet routes from private route tables and condition a user''s policy on the endpoint')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Put back the routes and the policy a lockdown changed')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check a lockdown: exit 0 when locked down, 3 otherwise')
            break
        }
        'lakegate;help;endpoint;create' {
            break
        }
        'lakegate;help;endpoint;lockdown' {
            break
        }
        'lakegate;help;endpoint;unlock' {
            break
        }
        'lakegate;help;endpoint;status' {
            break
        }
        'lakegate;help;athena' {
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Run a query and stream its results (table, CSV, JSON or YAML)')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'Fetch the results of a query started earlier (e.g. with --no-wait)')
            break
        }
        'lakegate;help;athena;query' {
            break
        }
        'lakegate;help;athena;results' {
            break
        }
        'lakegate;help;subscription' {
            [CompletionResult]::new('target', 'target', [CompletionResultType]::ParameterValue, 'DataZone subscription targets: who an environment''s subscriptions are granted to')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant a subscription''s principals access to its S3 asset (least privilege)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove a subscription''s grant, whatever its target says today')
            [CompletionResult]::new('handle-event', 'handle-event', [CompletionResultType]::ParameterValue, 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Compare the domain''s subscriptions with the grants in place; add missing, remove left over')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the domain''s subscriptions to S3 assets and whether each grant is in place')
            break
        }
        'lakegate;help;subscription;target' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subscription targets of an environment, or of every environment of a project')
            break
        }
        'lakegate;help;subscription;target;create' {
            break
        }
        'lakegate;help;subscription;target;list' {
            break
        }
        'lakegate;help;subscription;grant' {
            break
        }
        'lakegate;help;subscription;revoke' {
            break
        }
        'lakegate;help;subscription;handle-event' {
            break
        }
        'lakegate;help;subscription;reconcile' {
            break
        }
        'lakegate;help;subscription;list' {
            break
        }
        'lakegate;help;plugin' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List `lakegate-NAME` executables on PATH, and warn about shadowed ones')
            break
        }
        'lakegate;help;plugin;list' {
            break
        }
        'lakegate;help;completion' {
            break
        }
        'lakegate;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
