def classify(n):
    if n < 0:
        return "negative"
    if n % 2:
        return "odd"
    return "even"
