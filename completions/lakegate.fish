# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_lakegate_global_optspecs
    string join \n profile= region= endpoint-url= account-id= assume-role= o/output= no-headers q/quiet v/verbose no-progress color= dry-run lock-bucket= y/yes h/help V/version
end

function __fish_lakegate_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_lakegate_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_lakegate_using_subcommand
    set -l cmd (__fish_lakegate_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c lakegate -n "__fish_lakegate_needs_command" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_needs_command" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_needs_command" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_needs_command" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_needs_command" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_needs_command" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_needs_command" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_needs_command" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_needs_command" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_needs_command" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_needs_command" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_needs_command" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_needs_command" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_needs_command" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "bucket" -d 'Bucket policies: delegate to access points, show, history, rollback'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "accesspoint" -d 'S3 Access Points: one per consuming application, scoped to its prefix'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "ap" -d 'S3 Access Points: one per consuming application, scoped to its prefix'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "access" -d 'Decide requests offline or online: is this principal allowed, and which statement decides?'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "audit" -d 'Prefix-level audit: who can read, write or list each prefix; reports on S3, queried with Athena'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "endpoint" -d 'Private Athena: the interface VPC endpoint, lockdown of routes and a user\'s policy, status'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "vpce" -d 'Private Athena: the interface VPC endpoint, lockdown of routes and a user\'s policy, status'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "athena" -d 'Run Athena queries and stream their results'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "subscription" -d 'DataZone subscriptions to unmanaged S3 assets: targets, grants, events, reconcile'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "sub" -d 'DataZone subscriptions to unmanaged S3 assets: targets, grants, events, reconcile'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "plugin" -d 'Plugins: `lakegate-NAME` executables on PATH'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c lakegate -n "__fish_lakegate_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -f -a "delegate" -d 'Delegate the bucket\'s access control to the account\'s access points'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -f -a "policy" -d 'Show, list the history of, or roll back the bucket policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and not __fish_seen_subcommand_from delegate policy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from delegate" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -f -a "get" -d 'Show the bucket policy (a table of statements, or the document with -o json|yaml)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -f -a "history" -d 'List the documents lakegate kept before each overwrite'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -f -a "rollback" -d 'Restore a kept document (the latest by default)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from policy" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "delegate" -d 'Delegate the bucket\'s access control to the account\'s access points'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "policy" -d 'Show, list the history of, or roll back the bucket policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand bucket; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "create" -d 'Create an access point whose policy grants principals one prefix, least privilege'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "list" -d 'List access points with the prefixes and principals their policies grant'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "ls" -d 'List access points with the prefixes and principals their policies grant'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "get" -d 'Show one access point: details, grants and policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "delete" -d 'Delete an access point (asks on a terminal; --yes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "rm" -d 'Delete an access point (asks on a terminal; --yes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "grant" -d 'Grant principals access to a prefix through an existing access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "revoke" -d 'Remove principals\' grants from an access point\'s policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "history" -d 'List the policies lakegate kept before each change of this access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "rollback" -d 'Restore a kept access point policy (the latest by default)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l bucket -d 'The bucket the access point serves' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l prefix -d 'The key prefix to grant (a trailing \'/\' is added when missing)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l principal -d 'IAM role, user or account (ARN or 12-digit id) to grant; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l access -d 'What the principals may do under the prefix' -r -f -a "read\t'GetObject/GetObjectVersion on the prefix, and ListBucket limited to it'
write\t'PutObject/AbortMultipartUpload on the prefix'
read-write\t'Both of the above'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l vpc-id -d 'Accept requests only from this VPC (network origin VPC)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l block-public-access -d 'Block public access settings: all (default), none, or a comma-separated list of block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l bucket -d 'Only the access points of this bucket' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l concurrency -d 'How many policies to fetch at once' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l no-policies -d 'Do not read each access point\'s policy (no PREFIXES/PRINCIPALS; one call per page)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l bucket -d 'Only the access points of this bucket' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l concurrency -d 'How many policies to fetch at once' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l no-policies -d 'Do not read each access point\'s policy (no PREFIXES/PRINCIPALS; one call per page)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l principal -d 'IAM role, user or account (ARN or 12-digit id); repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l prefix -d 'The key prefix (a trailing \'/\' is added when missing)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l access -d 'What the principals may do under the prefix' -r -f -a "read\t'GetObject/GetObjectVersion on the prefix, and ListBucket limited to it'
write\t'PutObject/AbortMultipartUpload on the prefix'
read-write\t'Both of the above'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l principal -d 'IAM role, user or account (ARN or 12-digit id); repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l prefix -d 'Only the grant on this prefix' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l access -d 'Only this part of the grant (default: all of it)' -r -f -a "read\t'GetObject/GetObjectVersion on the prefix, and ListBucket limited to it'
write\t'PutObject/AbortMultipartUpload on the prefix'
read-write\t'Both of the above'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l to -d 'The version to restore (see `accesspoint history`); the latest by default' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from rollback" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an access point whose policy grants principals one prefix, least privilege'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "list" -d 'List access points with the prefixes and principals their policies grant'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one access point: details, grants and policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an access point (asks on a terminal; --yes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Grant principals access to a prefix through an existing access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Remove principals\' grants from an access point\'s policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "history" -d 'List the policies lakegate kept before each change of this access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "rollback" -d 'Restore a kept access point policy (the latest by default)'
complete -c lakegate -n "__fish_lakegate_using_subcommand accesspoint; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "create" -d 'Create an access point whose policy grants principals one prefix, least privilege'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "list" -d 'List access points with the prefixes and principals their policies grant'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "ls" -d 'List access points with the prefixes and principals their policies grant'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "get" -d 'Show one access point: details, grants and policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "delete" -d 'Delete an access point (asks on a terminal; --yes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "rm" -d 'Delete an access point (asks on a terminal; --yes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "grant" -d 'Grant principals access to a prefix through an existing access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "revoke" -d 'Remove principals\' grants from an access point\'s policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "history" -d 'List the policies lakegate kept before each change of this access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "rollback" -d 'Restore a kept access point policy (the latest by default)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and not __fish_seen_subcommand_from create list ls get delete rm grant revoke history rollback help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l bucket -d 'The bucket the access point serves' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l prefix -d 'The key prefix to grant (a trailing \'/\' is added when missing)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l principal -d 'IAM role, user or account (ARN or 12-digit id) to grant; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l access -d 'What the principals may do under the prefix' -r -f -a "read\t'GetObject/GetObjectVersion on the prefix, and ListBucket limited to it'
write\t'PutObject/AbortMultipartUpload on the prefix'
read-write\t'Both of the above'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l vpc-id -d 'Accept requests only from this VPC (network origin VPC)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l block-public-access -d 'Block public access settings: all (default), none, or a comma-separated list of block-public-acls, ignore-public-acls, block-public-policy, restrict-public-buckets' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l bucket -d 'Only the access points of this bucket' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l concurrency -d 'How many policies to fetch at once' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l no-policies -d 'Do not read each access point\'s policy (no PREFIXES/PRINCIPALS; one call per page)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l bucket -d 'Only the access points of this bucket' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l concurrency -d 'How many policies to fetch at once' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l no-policies -d 'Do not read each access point\'s policy (no PREFIXES/PRINCIPALS; one call per page)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l principal -d 'IAM role, user or account (ARN or 12-digit id); repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l prefix -d 'The key prefix (a trailing \'/\' is added when missing)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l access -d 'What the principals may do under the prefix' -r -f -a "read\t'GetObject/GetObjectVersion on the prefix, and ListBucket limited to it'
write\t'PutObject/AbortMultipartUpload on the prefix'
read-write\t'Both of the above'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l principal -d 'IAM role, user or account (ARN or 12-digit id); repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l prefix -d 'Only the grant on this prefix' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l access -d 'Only this part of the grant (default: all of it)' -r -f -a "read\t'GetObject/GetObjectVersion on the prefix, and ListBucket limited to it'
write\t'PutObject/AbortMultipartUpload on the prefix'
read-write\t'Both of the above'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l to -d 'The version to restore (see `accesspoint history`); the latest by default' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from rollback" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an access point whose policy grants principals one prefix, least privilege'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "list" -d 'List access points with the prefixes and principals their policies grant'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one access point: details, grants and policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an access point (asks on a terminal; --yes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Grant principals access to a prefix through an existing access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Remove principals\' grants from an access point\'s policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "history" -d 'List the policies lakegate kept before each change of this access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "rollback" -d 'Restore a kept access point policy (the latest by default)'
complete -c lakegate -n "__fish_lakegate_using_subcommand ap; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -f -a "check" -d 'Is this principal allowed this action on this key (through this access point)? Exit 0 if allowed, 3 if denied'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -f -a "matrix" -d 'Principal × prefix × read/write/list, through each access point and the bucket directly'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and not __fish_seen_subcommand_from check matrix help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l principal -d 'The principal: an IAM role, user or STS session ARN, or an account id' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l action -d 'The action, e.g. s3:GetObject, s3:PutObject, s3:ListBucket' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l bucket -d 'The bucket' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l key -d 'The object key (object actions such as s3:GetObject)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l prefix -d 'The listing prefix (bucket actions such as s3:ListBucket; sets s3:prefix)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l access-point -d 'Make the request through this access point' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l context -d 'A request context value, KEY=VALUE (repeatable; a repeated key is multivalued), e.g. aws:SourceVpce=vpce-1a2b, aws:SourceIp=10.0.0.1, aws:CalledVia=athena.amazonaws.com. aws:SecureTransport is true unless given' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l principal-tag -d 'Principal tag, KEY=VALUE (repeatable; for aws:PrincipalTag/KEY)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l bucket-policy -d 'Offline: the bucket policy from FILE (`-` reads stdin)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l access-point-policy -d 'Offline: the access point policy from FILE (`-` reads stdin)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l identity-policy -d 'Offline: an identity policy of the principal from FILE (repeatable; `-` reads stdin)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l bucket-owner -d 'Offline: the account that owns the bucket (default: --account-id, else the access point\'s account, else the principal\'s)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l scp -d 'A service control policy level from FILE (repeatable, one per level from the organization root to the principal\'s account; every level must allow). Online: read from AWS Organizations' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l rcp -d 'A resource control policy level from FILE (repeatable, root to the bucket owner\'s account; RCPs only deny). Online: read from AWS Organizations' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l management-account -d 'The organization\'s management account: SCPs do not apply to its principals, RCPs not to its resources (online: from Organizations)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l permission-boundary -d 'The principal\'s permissions boundary from FILE (for a role session: its role\'s). Online: from IAM GetRole/GetUser' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l session-policy -d 'The session policy of a role session or federated user from FILE' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l vpc-endpoint-policy -d 'The request goes through a VPC endpoint with the policy in FILE. Online: read from EC2 for the endpoint --context aws:SourceVpce=vpce-… names' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l public-access-block -d 'S3 Block Public Access settings, SCOPE=FILE with SCOPE account, bucket or access-point and FILE the JSON `get-public-access-block` prints (or its PublicAccessBlockConfiguration) (repeatable). Online: read from S3 and S3 Control' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l anonymous -d 'An unauthenticated request instead of --principal: allowed only by a resource policy that names "*", never through an access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l bucket -d 'The bucket (offline: default from the bucket policy\'s resources)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l principal -d 'A principal ARN (repeatable; default: those the policies name)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l prefix -d 'A prefix (repeatable; default: those the policies name)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l access-point -d 'Only through these access points (repeatable; default: all of the bucket\'s)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l context -d 'A request context value, KEY=VALUE (repeatable), as for `access check`' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l bucket-policy -d 'Offline: the bucket policy from FILE (`-` reads stdin)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l access-point-policy -d 'Offline: an access point policy, [NAME=]FILE (repeatable; the name defaults to the access point its resources name)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l identity-policy -d 'Offline: an identity policy, [PRINCIPAL=]FILE (repeatable; without PRINCIPAL it applies to every principal)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l bucket-owner -d 'Offline: the account that owns the bucket (default: --account-id, else the access points\' account)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l scp -d 'A service control policy level from FILE (repeatable, one per level from the organization root to the principal\'s account; every level must allow). Online: read from AWS Organizations' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l rcp -d 'A resource control policy level from FILE (repeatable, root to the bucket owner\'s account; RCPs only deny). Online: read from AWS Organizations' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l management-account -d 'The organization\'s management account: SCPs do not apply to its principals, RCPs not to its resources (online: from Organizations)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l permission-boundary -d 'The principal\'s permissions boundary from FILE (for a role session: its role\'s). Online: from IAM GetRole/GetUser' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l session-policy -d 'The session policy of a role session or federated user from FILE' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l vpc-endpoint-policy -d 'The request goes through a VPC endpoint with the policy in FILE. Online: read from EC2 for the endpoint --context aws:SourceVpce=vpce-… names' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l public-access-block -d 'S3 Block Public Access settings, SCOPE=FILE with SCOPE account, bucket or access-point and FILE the JSON `get-public-access-block` prints (or its PublicAccessBlockConfiguration) (repeatable). Online: read from S3 and S3 Control' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l no-direct -d 'Leave out the rows for requests to the bucket directly'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from matrix" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "check" -d 'Is this principal allowed this action on this key (through this access point)? Exit 0 if allowed, 3 if denied'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "matrix" -d 'Principal × prefix × read/write/list, through each access point and the bucket directly'
complete -c lakegate -n "__fish_lakegate_using_subcommand access; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -f -a "report" -d 'Report who can read, write or list each prefix: per principal, bucket, prefix and access point; optionally upload it (and the raw findings) to S3 and create its Athena table'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -f -a "query" -d 'Query the uploaded reports with Athena (e.g. everything an external account can reach)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and not __fish_seen_subcommand_from report query help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l bucket -d 'A bucket to audit (repeatable)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l analyzer-arn -d 'An IAM Access Analyzer: its findings for S3 buckets (ListFindingsV2, every page) are matched to the rows and archived with --upload' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l trusted-account -d 'An account whose principals are not external (repeatable; the bucket owner never is)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l concurrency -d 'How many AWS requests to have in flight at once' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l upload -d 'Upload the report (CSV) and the raw findings (JSON) under s3://BUCKET/PREFIX/' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l create-table -d 'Create the Athena database and external table over the uploaded reports (needs --upload)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l workgroup -d 'Athena workgroup for --create-table (default: primary)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l output-location -d 'Where Athena writes --create-table\'s results (default: s3://BUCKET/PREFIX/athena-results/ of --upload)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l all-buckets -d 'Audit every bucket of the account in the region'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l external-account -d 'Only rows of this external account\'s principals' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l bucket -d 'Only rows of this bucket' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l principal -d 'Only rows of this principal (an ARN, or `*` for everyone)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l access-point -d 'Only rows through this access point' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l dt -d 'The report of this day, YYYY-MM-DD (default: the latest)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l workgroup -d 'Athena workgroup (default: primary)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l output-location -d 'Where Athena writes the results (s3://BUCKET/PREFIX/), unless the workgroup sets it' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l external -d 'Only rows of external principals (any account, or everyone)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "report" -d 'Report who can read, write or list each prefix: per principal, bucket, prefix and access point; optionally upload it (and the raw findings) to S3 and create its Athena table'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "query" -d 'Query the uploaded reports with Athena (e.g. everything an external account can reach)'
complete -c lakegate -n "__fish_lakegate_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "create" -d 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "lockdown" -d 'Remove internet routes from private route tables and condition a user\'s policy on the endpoint'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "unlock" -d 'Put back the routes and the policy a lockdown changed'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "status" -d 'Check a lockdown: exit 0 when locked down, 3 otherwise'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l vpc-id -d 'The VPC to create the endpoint in' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l subnet -d 'A subnet for the endpoint\'s network interfaces; repeatable (one per Availability Zone)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l security-group -d 'Attach this existing security group; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l allow-cidr -d 'Create a security group admitting TCP 443 and 444 from this CIDR; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l output-location -d 'The S3 location for query results, filled into the JDBC URL template' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l timeout -d 'Give up waiting for the endpoint to become available after this many seconds' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l private-dns -d 'Enable private DNS (off by default: clients use the endpoint\'s own DNS name)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l vpce -d 'The Athena interface endpoint (vpce-…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l user -d 'The IAM user whose inline policy is conditioned' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l policy-name -d 'The inline policy to rewrite (default: the user\'s only inline policy)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l subnet -d 'A private subnet: the route table serving it loses its internet routes; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l route-table -d 'A private route table to remove internet routes from; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l force -d 'Lock down even the identity lakegate runs as'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from lockdown" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l vpce -d 'The endpoint the user was locked down to (vpce-…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l user -d 'The IAM user that was locked down' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l vpce -d 'The Athena interface endpoint (vpce-…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l user -d 'Also check this IAM user\'s inline policies' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l policy-name -d 'Only this inline policy of the user (default: all of them)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l subnet -d 'Private subnets that must have no internet route (default: the endpoint\'s subnets); repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l allow-cidr -d 'CIDRs that must reach 443 and 444 (default: at least one CIDR must); repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from help" -f -a "lockdown" -d 'Remove internet routes from private route tables and condition a user\'s policy on the endpoint'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Put back the routes and the policy a lockdown changed'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from help" -f -a "status" -d 'Check a lockdown: exit 0 when locked down, 3 otherwise'
complete -c lakegate -n "__fish_lakegate_using_subcommand endpoint; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "create" -d 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "lockdown" -d 'Remove internet routes from private route tables and condition a user\'s policy on the endpoint'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "unlock" -d 'Put back the routes and the policy a lockdown changed'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "status" -d 'Check a lockdown: exit 0 when locked down, 3 otherwise'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and not __fish_seen_subcommand_from create lockdown unlock status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l vpc-id -d 'The VPC to create the endpoint in' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l subnet -d 'A subnet for the endpoint\'s network interfaces; repeatable (one per Availability Zone)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l security-group -d 'Attach this existing security group; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l allow-cidr -d 'Create a security group admitting TCP 443 and 444 from this CIDR; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l output-location -d 'The S3 location for query results, filled into the JDBC URL template' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l timeout -d 'Give up waiting for the endpoint to become available after this many seconds' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l private-dns -d 'Enable private DNS (off by default: clients use the endpoint\'s own DNS name)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l vpce -d 'The Athena interface endpoint (vpce-…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l user -d 'The IAM user whose inline policy is conditioned' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l policy-name -d 'The inline policy to rewrite (default: the user\'s only inline policy)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l subnet -d 'A private subnet: the route table serving it loses its internet routes; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l route-table -d 'A private route table to remove internet routes from; repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l force -d 'Lock down even the identity lakegate runs as'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from lockdown" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l vpce -d 'The endpoint the user was locked down to (vpce-…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l user -d 'The IAM user that was locked down' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l vpce -d 'The Athena interface endpoint (vpce-…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l user -d 'Also check this IAM user\'s inline policies' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l policy-name -d 'Only this inline policy of the user (default: all of them)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l subnet -d 'Private subnets that must have no internet route (default: the endpoint\'s subnets); repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l allow-cidr -d 'CIDRs that must reach 443 and 444 (default: at least one CIDR must); repeatable' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from help" -f -a "lockdown" -d 'Remove internet routes from private route tables and condition a user\'s policy on the endpoint'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Put back the routes and the policy a lockdown changed'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from help" -f -a "status" -d 'Check a lockdown: exit 0 when locked down, 3 otherwise'
complete -c lakegate -n "__fish_lakegate_using_subcommand vpce; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -f -a "query" -d 'Run a query and stream its results (table, CSV, JSON or YAML)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -f -a "results" -d 'Fetch the results of a query started earlier (e.g. with --no-wait)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and not __fish_seen_subcommand_from query results help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -s f -l file -d 'Read the SQL from this file (\'-\' for stdin)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l database -d 'Database (schema) the query runs in' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l catalog -d 'Data catalog (default: AwsDataCatalog)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l workgroup -d 'Workgroup (default: primary)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l output-location -d 'Where Athena writes the results (s3://BUCKET/PREFIX/), unless the workgroup sets it' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l param -d 'A value for the query\'s next `?` placeholder; repeatable, in order' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l no-wait -d 'Print the execution id and return at once (fetch later with `lakegate athena results ID`)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from results" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from help" -f -a "query" -d 'Run a query and stream its results (table, CSV, JSON or YAML)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from help" -f -a "results" -d 'Fetch the results of a query started earlier (e.g. with --no-wait)'
complete -c lakegate -n "__fish_lakegate_using_subcommand athena; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "target" -d 'DataZone subscription targets: who an environment\'s subscriptions are granted to'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "grant" -d 'Grant a subscription\'s principals access to its S3 asset (least privilege)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "revoke" -d 'Remove a subscription\'s grant, whatever its target says today'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "handle-event" -d 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "reconcile" -d 'Compare the domain\'s subscriptions with the grants in place; add missing, remove left over'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "list" -d 'List the domain\'s subscriptions to S3 assets and whether each grant is in place'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "ls" -d 'List the domain\'s subscriptions to S3 assets and whether each grant is in place'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -f -a "create" -d 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -f -a "list" -d 'List subscription targets of an environment, or of every environment of a project'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -f -a "ls" -d 'List subscription targets of an environment, or of every environment of a project'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from target" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l request -d 'Subscription request id' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l via -d 'Where grants are written' -r -f -a "bucket-policy\t'Statements in the bucket policy (limited by the 20 KB bucket policy size)'
access-point\t'One access point per subscribing project, the bucket delegating to access points'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l access -d 'What a grant allows' -r -f -a "read\t's3:GetObject on the asset\'s prefix, s3:ListBucket limited to it'
read-write\t'Read, plus PutObject/DeleteObject/AbortMultipartUpload on the prefix'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l actions -d 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l account-role -d 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset\'s owning project\'s environments' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l request -d 'Subscription request id' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l via -d 'Where grants are written' -r -f -a "bucket-policy\t'Statements in the bucket policy (limited by the 20 KB bucket policy size)'
access-point\t'One access point per subscribing project, the bucket delegating to access points'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l access -d 'What a grant allows' -r -f -a "read\t's3:GetObject on the asset\'s prefix, s3:ListBucket limited to it'
read-write\t'Read, plus PutObject/DeleteObject/AbortMultipartUpload on the prefix'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l actions -d 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l account-role -d 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset\'s owning project\'s environments' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l file -d 'Read the event from this file instead of stdin (\'-\' is stdin)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l via -d 'Where grants are written' -r -f -a "bucket-policy\t'Statements in the bucket policy (limited by the 20 KB bucket policy size)'
access-point\t'One access point per subscribing project, the bucket delegating to access points'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l access -d 'What a grant allows' -r -f -a "read\t's3:GetObject on the asset\'s prefix, s3:ListBucket limited to it'
read-write\t'Read, plus PutObject/DeleteObject/AbortMultipartUpload on the prefix'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l actions -d 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l account-role -d 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset\'s owning project\'s environments' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from handle-event" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l project -d 'Only the subscriptions of this (subscribing) project' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l via -d 'Where grants are written' -r -f -a "bucket-policy\t'Statements in the bucket policy (limited by the 20 KB bucket policy size)'
access-point\t'One access point per subscribing project, the bucket delegating to access points'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l access -d 'What a grant allows' -r -f -a "read\t's3:GetObject on the asset\'s prefix, s3:ListBucket limited to it'
read-write\t'Read, plus PutObject/DeleteObject/AbortMultipartUpload on the prefix'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l actions -d 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l account-role -d 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset\'s owning project\'s environments' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from reconcile" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l project -d 'Only the subscriptions of this (subscribing) project' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l account-role -d 'Read buckets of ACCOUNT through this role there (repeatable)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l project -d 'Only the subscriptions of this (subscribing) project' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l account-role -d 'Read buckets of ACCOUNT through this role there (repeatable)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "target" -d 'DataZone subscription targets: who an environment\'s subscriptions are granted to'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Grant a subscription\'s principals access to its S3 asset (least privilege)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Remove a subscription\'s grant, whatever its target says today'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "handle-event" -d 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "reconcile" -d 'Compare the domain\'s subscriptions with the grants in place; add missing, remove left over'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the domain\'s subscriptions to S3 assets and whether each grant is in place'
complete -c lakegate -n "__fish_lakegate_using_subcommand subscription; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "target" -d 'DataZone subscription targets: who an environment\'s subscriptions are granted to'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "grant" -d 'Grant a subscription\'s principals access to its S3 asset (least privilege)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "revoke" -d 'Remove a subscription\'s grant, whatever its target says today'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "handle-event" -d 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "reconcile" -d 'Compare the domain\'s subscriptions with the grants in place; add missing, remove left over'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "list" -d 'List the domain\'s subscriptions to S3 assets and whether each grant is in place'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "ls" -d 'List the domain\'s subscriptions to S3 assets and whether each grant is in place'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and not __fish_seen_subcommand_from target grant revoke handle-event reconcile list ls help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -f -a "create" -d 'Create a subscription target in an environment (as `aws datazone create-subscription-target`)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -f -a "list" -d 'List subscription targets of an environment, or of every environment of a project'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -f -a "ls" -d 'List subscription targets of an environment, or of every environment of a project'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from target" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l request -d 'Subscription request id' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l via -d 'Where grants are written' -r -f -a "bucket-policy\t'Statements in the bucket policy (limited by the 20 KB bucket policy size)'
access-point\t'One access point per subscribing project, the bucket delegating to access points'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l access -d 'What a grant allows' -r -f -a "read\t's3:GetObject on the asset\'s prefix, s3:ListBucket limited to it'
read-write\t'Read, plus PutObject/DeleteObject/AbortMultipartUpload on the prefix'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l actions -d 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l account-role -d 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset\'s owning project\'s environments' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l request -d 'Subscription request id' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l via -d 'Where grants are written' -r -f -a "bucket-policy\t'Statements in the bucket policy (limited by the 20 KB bucket policy size)'
access-point\t'One access point per subscribing project, the bucket delegating to access points'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l access -d 'What a grant allows' -r -f -a "read\t's3:GetObject on the asset\'s prefix, s3:ListBucket limited to it'
read-write\t'Read, plus PutObject/DeleteObject/AbortMultipartUpload on the prefix'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l actions -d 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l account-role -d 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset\'s owning project\'s environments' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l file -d 'Read the event from this file instead of stdin (\'-\' is stdin)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l via -d 'Where grants are written' -r -f -a "bucket-policy\t'Statements in the bucket policy (limited by the 20 KB bucket policy size)'
access-point\t'One access point per subscribing project, the bucket delegating to access points'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l access -d 'What a grant allows' -r -f -a "read\t's3:GetObject on the asset\'s prefix, s3:ListBucket limited to it'
read-write\t'Read, plus PutObject/DeleteObject/AbortMultipartUpload on the prefix'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l actions -d 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l account-role -d 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset\'s owning project\'s environments' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from handle-event" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l project -d 'Only the subscriptions of this (subscribing) project' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l via -d 'Where grants are written' -r -f -a "bucket-policy\t'Statements in the bucket policy (limited by the 20 KB bucket policy size)'
access-point\t'One access point per subscribing project, the bucket delegating to access points'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l access -d 'What a grant allows' -r -f -a "read\t's3:GetObject on the asset\'s prefix, s3:ListBucket limited to it'
read-write\t'Read, plus PutObject/DeleteObject/AbortMultipartUpload on the prefix'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l actions -d 'Exactly these S3 actions instead of --access (comma-separated, e.g. s3:GetObject,s3:ListBucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l account-role -d 'Edit buckets of ACCOUNT through this role there (repeatable); the account of a bucket is the account of the asset\'s owning project\'s environments' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from reconcile" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l project -d 'Only the subscriptions of this (subscribing) project' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l account-role -d 'Read buckets of ACCOUNT through this role there (repeatable)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l domain -d 'DataZone domain id (dzd_…)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l project -d 'Only the subscriptions of this (subscribing) project' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l account-role -d 'Read buckets of ACCOUNT through this role there (repeatable)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from help" -f -a "target" -d 'DataZone subscription targets: who an environment\'s subscriptions are granted to'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Grant a subscription\'s principals access to its S3 asset (least privilege)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Remove a subscription\'s grant, whatever its target says today'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from help" -f -a "handle-event" -d 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from help" -f -a "reconcile" -d 'Compare the domain\'s subscriptions with the grants in place; add missing, remove left over'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the domain\'s subscriptions to S3 assets and whether each grant is in place'
complete -c lakegate -n "__fish_lakegate_using_subcommand sub; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -f -a "list" -d 'List `lakegate-NAME` executables on PATH, and warn about shadowed ones'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -f -a "ls" -d 'List `lakegate-NAME` executables on PATH, and warn about shadowed ones'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and not __fish_seen_subcommand_from list ls help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from help" -f -a "list" -d 'List `lakegate-NAME` executables on PATH, and warn about shadowed ones'
complete -c lakegate -n "__fish_lakegate_using_subcommand plugin; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l profile -d 'Named AWS profile (SSO profiles included) [env: AWS_PROFILE]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l region -d 'AWS region [env: AWS_REGION]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l endpoint-url -d 'Send every AWS request to this endpoint (e.g. a local emulator) [env: AWS_ENDPOINT_URL]' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l account-id -d 'Account that owns the buckets and access points (default: from STS GetCallerIdentity)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l assume-role -d 'Assume this IAM role before making any call' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people (fits 80 columns)'
wide\t'The table with more columns'
json\t'JSON (stable, snake_case keys)'
yaml\t'YAML (same shape as JSON)'
csv\t'CSV with a header row'"
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l color -d 'When to use colour (NO_COLOR is respected under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l lock-bucket -d 'Bucket that holds the lease serialising policy writes (default: the governed bucket)' -r
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l dynamic -d 'Print the script that completes names dynamically by calling lakegate'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l no-headers -d 'Omit the header row of tables and CSV'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -s q -l quiet -d 'Print only errors (and the data asked for)'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -s v -l verbose -d 'Log to stderr: -v operations, -vv every AWS request, -vvv everything'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l no-progress -d 'Never draw progress bars or spinners'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -l dry-run -d 'Show what would change, as a diff, and change nothing'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -s y -l yes -d 'Answer yes to confirmation prompts (required for destructive changes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lakegate -n "__fish_lakegate_using_subcommand completion" -s V -l version -d 'Print version'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "bucket" -d 'Bucket policies: delegate to access points, show, history, rollback'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "accesspoint" -d 'S3 Access Points: one per consuming application, scoped to its prefix'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "access" -d 'Decide requests offline or online: is this principal allowed, and which statement decides?'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "audit" -d 'Prefix-level audit: who can read, write or list each prefix; reports on S3, queried with Athena'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "endpoint" -d 'Private Athena: the interface VPC endpoint, lockdown of routes and a user\'s policy, status'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "athena" -d 'Run Athena queries and stream their results'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "subscription" -d 'DataZone subscriptions to unmanaged S3 assets: targets, grants, events, reconcile'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "plugin" -d 'Plugins: `lakegate-NAME` executables on PATH'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and not __fish_seen_subcommand_from bucket accesspoint access audit endpoint athena subscription plugin completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "delegate" -d 'Delegate the bucket\'s access control to the account\'s access points'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from bucket" -f -a "policy" -d 'Show, list the history of, or roll back the bucket policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from accesspoint" -f -a "create" -d 'Create an access point whose policy grants principals one prefix, least privilege'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from accesspoint" -f -a "list" -d 'List access points with the prefixes and principals their policies grant'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from accesspoint" -f -a "get" -d 'Show one access point: details, grants and policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from accesspoint" -f -a "delete" -d 'Delete an access point (asks on a terminal; --yes in scripts)'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from accesspoint" -f -a "grant" -d 'Grant principals access to a prefix through an existing access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from accesspoint" -f -a "revoke" -d 'Remove principals\' grants from an access point\'s policy'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from accesspoint" -f -a "history" -d 'List the policies lakegate kept before each change of this access point'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from accesspoint" -f -a "rollback" -d 'Restore a kept access point policy (the latest by default)'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "check" -d 'Is this principal allowed this action on this key (through this access point)? Exit 0 if allowed, 3 if denied'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from access" -f -a "matrix" -d 'Principal × prefix × read/write/list, through each access point and the bucket directly'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "report" -d 'Report who can read, write or list each prefix: per principal, bucket, prefix and access point; optionally upload it (and the raw findings) to S3 and create its Athena table'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "query" -d 'Query the uploaded reports with Athena (e.g. everything an external account can reach)'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from endpoint" -f -a "create" -d 'Create (or reuse) the Athena interface endpoint, with a security group for 443 and 444'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from endpoint" -f -a "lockdown" -d 'Remove internet routes from private route tables and condition a user\'s policy on the endpoint'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from endpoint" -f -a "unlock" -d 'Put back the routes and the policy a lockdown changed'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from endpoint" -f -a "status" -d 'Check a lockdown: exit 0 when locked down, 3 otherwise'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from athena" -f -a "query" -d 'Run a query and stream its results (table, CSV, JSON or YAML)'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from athena" -f -a "results" -d 'Fetch the results of a query started earlier (e.g. with --no-wait)'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "target" -d 'DataZone subscription targets: who an environment\'s subscriptions are granted to'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "grant" -d 'Grant a subscription\'s principals access to its S3 asset (least privilege)'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "revoke" -d 'Remove a subscription\'s grant, whatever its target says today'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "handle-event" -d 'Handle one DataZone EventBridge event (Subscription Created/Cancelled/Revoked)'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "reconcile" -d 'Compare the domain\'s subscriptions with the grants in place; add missing, remove left over'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from subscription" -f -a "list" -d 'List the domain\'s subscriptions to S3 assets and whether each grant is in place'
complete -c lakegate -n "__fish_lakegate_using_subcommand help; and __fish_seen_subcommand_from plugin" -f -a "list" -d 'List `lakegate-NAME` executables on PATH, and warn about shadowed ones'
