"""A throwaway channel that exists only in the tests: notes carried by pigeon.

It is written as a real channel would be (a descriptor and an adapter that only translates),
to show that a new channel needs its folder and one registry entry, and no edit to core.
"""
