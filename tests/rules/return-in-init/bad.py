class Account:
    def __init__(self, owner):
        self.owner = owner
        return self
       #^^^^^^^^^^^ return-in-init


class Config:
    def __init__(self, path):
        if not path:
            return False
           #^^^^^^^^^^^^ return-in-init
        self.path = path
