// QingshanLoad
