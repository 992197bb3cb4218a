import unittest
#      ^^^^^^^^ unittest
from unittest import mock
#    ^^^^^^^^ unittest
from unittest import TestCase
#    ^^^^^^^^ unittest


class TestMath(unittest.TestCase):
#     ^^^^^^^^ unittest
    def test_add(self):
        self.assertEqual(1 + 1, 2)


class TestOther(TestCase):
#     ^^^^^^^^^ unittest
    pass
