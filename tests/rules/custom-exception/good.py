class ErrorHandler:
    pass


class Report(ErrorReport):
    pass


class Exceptional(Base):
    pass


error = ValueError("not a class")
