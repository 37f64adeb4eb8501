print("qingshan")
