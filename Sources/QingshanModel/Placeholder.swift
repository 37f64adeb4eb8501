// QingshanModel
