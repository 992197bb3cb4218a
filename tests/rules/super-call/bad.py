class Child(Parent):
    def __init__(self, name):
        super().__init__(name)
       #^^^^^^^ super-call

    def greet(self):
        return super(Child, self).greet() + "!"
        #      ^^^^^^^^^^^^^^^^^^ super-call
