// QingshanBuild
