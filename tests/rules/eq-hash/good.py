class Point:
    def __lt__(self, other):
        return False

    def __ne__(self, other):
        return True

    __hash__ = None  # an assignment, not a method definition


same = Point() == Point()
