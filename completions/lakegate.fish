complete --keep-order --exclusive --command lakegate --arguments "(COMPLETE=fish lakegate -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
