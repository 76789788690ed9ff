"""Insights: statistics, trends, spikes and the research export."""
