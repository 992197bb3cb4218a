class TempFile:
    def __exit__(self, *exc):
        self.close()

    def delete(self):
        del self.path


del items[0]
