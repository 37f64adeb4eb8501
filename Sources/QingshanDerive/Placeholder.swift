// QingshanDerive
