// QingshanRender
