class Child(Parent):
    def __init__(self, name):
        Parent.__init__(self, name)

    def greet(self):
        return self.superclass_greeting()


supervisor = make_super()


def helper(super):
    return super()  # a parameter shadows the builtin
